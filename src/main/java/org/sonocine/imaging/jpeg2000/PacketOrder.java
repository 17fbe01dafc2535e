package org.sonocine.imaging.jpeg2000;

import org.sonocine.imaging.codec.DecodeException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order of a tile's packets (ISO/IEC 15444-1 B.12): one of the five progressions, or the sequence of
 * progressions its POC segments give. Each packet is offered as (layer, component, resolution, precinct); the
 * receiver takes it only if it is its precinct's next layer, so that packets an earlier progression already
 * covered are skipped. The position-driven orders (RPCL, PCRL, CPRL) visit a precinct where the standard's walk
 * over the reference grid first meets it: at its top-left corner on the grid, or at the tile's edge for the
 * precincts that begin before the tile.
 */
final class PacketOrder {
    static final int LRCP = 0;
    static final int RLCP = 1;
    static final int RPCL = 2;
    static final int PCRL = 3;
    static final int CPRL = 4;

    /** Receives each packet in order. */
    interface Receiver {
        void packet(int layer, int component, int resolution, int precinct) throws DecodeException;
    }

    private final TileCoding coding;
    private final TileComponent[] components;
    private final Receiver receiver;
    private final long[][] subsampling;
    private final long tileX0;
    private final long tileY0;
    /** The tile's coded bytes, which bound how much walking over its packets a real codestream needs. */
    private final long available;
    /**
     * Steps of the walk still allowed. POC segments may list thousands of progressions that each go over every
     * packet of the tile again, which would take very long for few bytes; real ones stay far below this.
     */
    private long stepsLeft;

    PacketOrder(TileCoding coding, TileComponent[] components, long[] tile, long[][] subsampling, long available,
                Receiver receiver) {
        this.coding = coding;
        this.available = available;
        this.stepsLeft = 4_000_000L + 64L * available;
        this.components = components;
        this.receiver = receiver;
        this.subsampling = subsampling;
        this.tileX0 = tile[0];
        this.tileY0 = tile[1];
    }

    void run() throws DecodeException {
        int maxResolutions = 0;
        for (TileComponent tc : components) {
            maxResolutions = Math.max(maxResolutions, tc.resolutions.length);
        }
        if (coding.progressions().isEmpty()) {
            volume(0, 0, coding.layers(), maxResolutions, components.length, coding.order());
            return;
        }
        for (ProgressionChange p : coding.progressions()) {
            volume(p.resolutionStart(), p.componentStart(), Math.min(p.layerEnd(), coding.layers()),
                    Math.min(p.resolutionEnd(), maxResolutions), Math.min(p.componentEnd(), components.length),
                    p.order());
        }
    }

    private void volume(int rs, int cs, int layers, int re, int ce, int order) throws DecodeException {
        switch (order) {
            case LRCP -> {
                for (int l = 0; l < layers; l++) {
                    for (int r = rs; r < re; r++) {
                        for (int c = cs; c < ce; c++) {
                            precincts(l, c, r);
                        }
                    }
                }
            }
            case RLCP -> {
                for (int r = rs; r < re; r++) {
                    for (int l = 0; l < layers; l++) {
                        for (int c = cs; c < ce; c++) {
                            precincts(l, c, r);
                        }
                    }
                }
            }
            default -> byPosition(rs, cs, layers, re, ce, order);
        }
    }

    private void precincts(int l, int c, int r) throws DecodeException {
        spend(1);
        if (r >= components[c].resolutions.length) {
            return;
        }
        int n = components[c].resolutions[r].precincts();
        spend(n);
        for (int p = 0; p < n; p++) {
            receiver.packet(l, c, r, p);
        }
    }

    private record Visit(long y, long x, int c, int r, int p) {
    }

    private void byPosition(int rs, int cs, int layers, int re, int ce, int order) throws DecodeException {
        List<Visit> visits = new ArrayList<>();
        for (int c = cs; c < ce; c++) {
            TileComponent tc = components[c];
            int levels = tc.resolutions.length - 1;
            for (int r = rs; r < Math.min(re, tc.resolutions.length); r++) {
                TileComponent.Resolution res = tc.resolutions[r];
                spend(1 + res.precincts());
                long scaleX = subsampling[c][0] << (levels - r);
                long scaleY = subsampling[c][1] << (levels - r);
                for (int p = 0; p < res.precincts(); p++) {
                    long px = (long) (res.firstPrecinctX + p % res.precinctsAcross) << res.precinctWidthExp;
                    long py = (long) (res.firstPrecinctY + p / res.precinctsAcross) << res.precinctHeightExp;
                    visits.add(new Visit(Math.max(py * scaleY, tileY0), Math.max(px * scaleX, tileX0), c, r, p));
                }
            }
        }
        Comparator<Visit> position = Comparator.comparingLong(Visit::y).thenComparingLong(Visit::x);
        Comparator<Visit> sort = switch (order) {
            case RPCL -> Comparator.comparingInt(Visit::r).thenComparing(position).thenComparingInt(Visit::c);
            case PCRL -> position.thenComparingInt(Visit::c).thenComparingInt(Visit::r);
            default -> Comparator.comparingInt(Visit::c).thenComparing(position).thenComparingInt(Visit::r);
        };
        visits.sort(sort);
        spend((long) visits.size() * layers);
        for (Visit v : visits) {
            for (int l = 0; l < layers; l++) {
                receiver.packet(l, v.c, v.r, v.p);
            }
        }
    }

    private void spend(long steps) throws DecodeException {
        stepsLeft -= steps;
        if (stepsLeft < 0) {
            throw new DecodeException("a JPEG 2000 tile's progression changes go over its packets more often than"
                    + " its " + Words.count(available, "byte") + " of coded data could justify");
        }
    }
}
