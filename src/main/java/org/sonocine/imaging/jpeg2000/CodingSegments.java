package org.sonocine.imaging.jpeg2000;

import org.sonocine.imaging.codec.DecodeException;

import java.util.ArrayList;
import java.util.List;

/**
 * The coding marker segments (COD, COC, QCD, QCC, RGN, POC) of one header, the main header or a tile's first
 * tile-part header, as read; a tile's {@link TileCoding} combines its own with the main header's in the order of
 * precedence of ISO/IEC 15444-1 A.6 (tile COC, tile COD, main COC, main COD; likewise for quantisation).
 */
final class CodingSegments {
    /** A COD segment: Scod, SGcod and the default component coding. */
    record Cod(int scod, int order, int layers, int transform, ComponentCoding coding) {
    }

    private final int components;
    Cod cod;
    final ComponentCoding[] coc;
    Quantisation qcd;
    final Quantisation[] qcc;
    final int[] roiShift;
    final List<ProgressionChange> progressions = new ArrayList<>();

    CodingSegments(int components) {
        this.components = components;
        this.coc = new ComponentCoding[components];
        this.qcc = new Quantisation[components];
        this.roiShift = new int[components];
        java.util.Arrays.fill(roiShift, -1);
    }

    /** The tile's coding: {@code tile}'s segments over {@code main}'s. */
    static TileCoding combine(CodingSegments main, CodingSegments tile) throws DecodeException {
        Cod cod = tile.cod != null ? tile.cod : main.cod;
        if (cod == null) {
            throw new DecodeException("the JPEG 2000 codestream has no coding style (COD) segment");
        }
        int n = main.components;
        ComponentCoding[] coding = new ComponentCoding[n];
        Quantisation[] quantisation = new Quantisation[n];
        int[] roi = new int[n];
        for (int c = 0; c < n; c++) {
            coding[c] = tile.coc[c] != null ? tile.coc[c] : tile.cod != null ? tile.cod.coding()
                    : main.coc[c] != null ? main.coc[c] : main.cod.coding();
            quantisation[c] = tile.qcc[c] != null ? tile.qcc[c] : tile.qcd != null ? tile.qcd
                    : main.qcc[c] != null ? main.qcc[c] : main.qcd;
            if (quantisation[c] == null) {
                throw new DecodeException("the JPEG 2000 codestream has no quantisation (QCD) segment");
            }
            int needed = quantisation[c].style() == Quantisation.DERIVED ? 1 : 3 * coding[c].levels() + 1;
            if (quantisation[c].exponents().length < needed) {
                throw new DecodeException("the JPEG 2000 quantisation of component " + (c + 1) + " gives "
                        + Words.count(quantisation[c].exponents().length, "subband") + "; its "
                        + Words.count(coding[c].levels(), "decomposition level")
                        + (coding[c].levels() == 1 ? " has " : " have ") + needed);
            }
            roi[c] = Math.max(0, tile.roiShift[c] >= 0 ? tile.roiShift[c] : main.roiShift[c]);
        }
        if (cod.transform() != 0 && n < 3) {
            throw new DecodeException("the JPEG 2000 codestream asks for a component transform with only "
                    + Words.count(n, "component"));
        }
        if (cod.transform() != 0 && (coding[0].reversible() != coding[1].reversible()
                || coding[0].reversible() != coding[2].reversible())) {
            throw new DecodeException("the JPEG 2000 codestream's first three components mix the reversible and"
                    + " irreversible wavelets under one component transform");
        }
        List<ProgressionChange> poc = !tile.progressions.isEmpty() ? tile.progressions : main.progressions;
        return new TileCoding(cod.order(), cod.layers(), cod.transform() != 0, (cod.scod() & 2) != 0,
                (cod.scod() & 4) != 0, coding, quantisation, roi, List.copyOf(poc));
    }

    void readCod(SegmentReader r) throws DecodeException {
        int scod = r.u8();
        int order = r.u8();
        int layers = r.u16();
        int transform = r.u8();
        if (order > 4) {
            throw r.fail("progression order " + order + " is not one of the five");
        }
        if (layers == 0) {
            throw r.fail("declares no quality layers");
        }
        if (transform > 1) {
            throw r.fail("multiple component transform " + transform + " is not defined");
        }
        cod = new Cod(scod, order, layers, transform, readComponentCoding(r, (scod & 1) != 0));
        r.requireEnd();
    }

    void readCoc(SegmentReader r) throws DecodeException {
        int c = component(r);
        int scoc = r.u8();
        coc[c] = readComponentCoding(r, (scoc & 1) != 0);
        r.requireEnd();
    }

    void readQcd(SegmentReader r) throws DecodeException {
        qcd = readQuantisation(r);
    }

    void readQcc(SegmentReader r) throws DecodeException {
        int c = component(r);
        qcc[c] = readQuantisation(r);
    }

    void readRgn(SegmentReader r) throws DecodeException {
        int c = component(r);
        int style = r.u8();
        int shift = r.u8();
        if (style != 0) {
            throw r.fail("ROI style " + style + " is not the max-shift method");
        }
        if (shift > 37) {
            throw r.fail("ROI shift " + shift + " exceeds 37");
        }
        roiShift[c] = shift;
        r.requireEnd();
    }

    void readPoc(SegmentReader r) throws DecodeException {
        int wide = components >= 257 ? 2 : 1;
        int entry = 5 + 2 * wide;
        if (r.remaining() == 0 || r.remaining() % entry != 0) {
            throw r.fail("progression change segment of " + r.remaining() + " bytes is not made of " + entry
                    + "-byte entries");
        }
        while (r.remaining() > 0) {
            int rs = r.u8();
            int cs = wide == 2 ? r.u16() : r.u8();
            int lye = r.u16();
            int re = r.u8();
            int ce = wide == 2 ? r.u16() : r.u8();
            int order = r.u8();
            if (ce == 0) {
                ce = 256;
            }
            if (order > 4) {
                throw r.fail("progression order " + order + " is not one of the five");
            }
            progressions.add(new ProgressionChange(rs, cs, lye, re, Math.min(ce, components), order));
        }
    }

    private int component(SegmentReader r) throws DecodeException {
        int c = components >= 257 ? r.u16() : r.u8();
        if (c >= components) {
            throw r.fail("names component " + (c + 1) + "; the codestream has " + components);
        }
        return c;
    }

    private static ComponentCoding readComponentCoding(SegmentReader r, boolean precincts) throws DecodeException {
        int levels = r.u8();
        int xcb = r.u8();
        int ycb = r.u8();
        int style = r.u8();
        int transform = r.u8();
        if (levels > 32) {
            throw r.fail("declares " + levels + " decomposition levels, more than 32");
        }
        if (xcb > 8 || ycb > 8 || xcb + ycb > 8) {
            throw r.fail("declares code-blocks of 2^" + (xcb + 2) + " x 2^" + (ycb + 2) + " samples, more than"
                    + " allowed");
        }
        if (transform > 1) {
            throw r.fail("wavelet transform " + transform + " is not defined");
        }
        if ((style & 0x80) != 0) {
            throw r.fail("mixes HT and other code-blocks, which is not supported");
        }
        int[] ppx = new int[levels + 1];
        int[] ppy = new int[levels + 1];
        for (int i = 0; i <= levels; i++) {
            if (precincts) {
                int v = r.u8();
                ppx[i] = v & 0xF;
                ppy[i] = v >> 4;
                if (i > 0 && (ppx[i] == 0 || ppy[i] == 0)) {
                    throw r.fail("declares precincts of size 1 above the lowest resolution");
                }
            } else {
                ppx[i] = 15;
                ppy[i] = 15;
            }
        }
        return new ComponentCoding(levels, xcb + 2, ycb + 2, style, transform == 1, ppx, ppy);
    }

    private static Quantisation readQuantisation(SegmentReader r) throws DecodeException {
        int s = r.u8();
        int style = s & 0x1F;
        int guard = s >> 5;
        int[] exponents;
        int[] mantissas;
        if (style == Quantisation.NONE) {
            int n = r.remaining();
            exponents = new int[n];
            mantissas = new int[n];
            for (int i = 0; i < n; i++) {
                exponents[i] = r.u8() >> 3;
            }
        } else if (style == Quantisation.DERIVED || style == Quantisation.EXPOUNDED) {
            int n = r.remaining() / 2;
            if (n == 0 || r.remaining() % 2 != 0 || style == Quantisation.DERIVED && n != 1) {
                throw r.fail("quantisation of style " + style + " has " + r.remaining() + " bytes of step sizes");
            }
            exponents = new int[n];
            mantissas = new int[n];
            for (int i = 0; i < n; i++) {
                int v = r.u16();
                exponents[i] = v >> 11;
                mantissas[i] = v & 0x7FF;
            }
        } else {
            throw r.fail("quantisation style " + style + " is not defined");
        }
        if (exponents.length == 0) {
            throw r.fail("gives no step sizes");
        }
        r.requireEnd();
        return new Quantisation(style, guard, exponents, mantissas);
    }
}
