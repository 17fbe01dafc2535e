package org.sonocine.imaging.jpeg2000;

import org.sonocine.imaging.codec.DecodeException;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a codestream's main header and tile-parts (ISO/IEC 15444-1 Annex A) into a {@link Codestream}. Tile-parts
 * may come in any order of tiles, each tile's in its own order; a tile-part whose length is 0 runs to the end.
 * Whatever follows the last tile-part (the end-of-codestream marker, or stray marker segments before it as some
 * encoders write) is not read. Nothing is allocated in proportion to a declared size before the bytes it
 * describes are known to be there.
 */
final class CodestreamParser {
    static final int SOC = 0xFF4F;
    static final int CAP = 0xFF50;
    static final int SIZ = 0xFF51;
    static final int COD = 0xFF52;
    static final int COC = 0xFF53;
    static final int TLM = 0xFF55;
    static final int PLM = 0xFF57;
    static final int PLT = 0xFF58;
    static final int CPF = 0xFF59;
    static final int QCD = 0xFF5C;
    static final int QCC = 0xFF5D;
    static final int RGN = 0xFF5E;
    static final int POC = 0xFF5F;
    static final int PPM = 0xFF60;
    static final int PPT = 0xFF61;
    static final int CRG = 0xFF63;
    static final int COM = 0xFF64;
    static final int SOT = 0xFF90;
    static final int SOD = 0xFF93;
    static final int EOC = 0xFFD9;

    /** The most samples of all components together a codestream may declare. */
    static final long MAX_SAMPLES = 1L << 30;

    private final byte[] b;
    private final int codestreamStart;
    private final int end;
    private final DeclaredImage.Check check;
    private int pos;

    private CodestreamParser(byte[] b, int from, int to, DeclaredImage.Check check) {
        this.b = b;
        this.codestreamStart = from;
        this.pos = from;
        this.end = to;
        this.check = check;
    }

    /** The codestream in bytes {@code from} to {@code to} − 1, raw or in a JP2 file's contiguous codestream box. */
    static Codestream parse(byte[] b, int from, int to) throws DecodeException {
        return parse(b, from, to, image -> { });
    }

    /**
     * The codestream in bytes {@code from} to {@code to} − 1, with {@code check} told what its SIZ segment declares
     * as soon as it is read, before the decoder's own limits are applied and anything in proportion to it is
     * allocated.
     */
    static Codestream parse(byte[] b, int from, int to, DeclaredImage.Check check) throws DecodeException {
        int[] range = Jp2Boxes.codestream(b, from, to);
        return new CodestreamParser(b, range[0], range[1], check).read();
    }

    private record Packed(int order, ByteSpan bytes) {
    }

    /** A tile's tile-parts as they are read. */
    private static final class TileParts {
        final CodingSegments segments;
        final List<ByteSpan> bodies = new ArrayList<>();
        final List<Packed> ppt = new ArrayList<>();
        int declaredParts;

        TileParts(int components) {
            segments = new CodingSegments(components);
        }
    }

    private Codestream read() throws DecodeException {
        if (end - pos < 4 || u16(pos) != SOC || u16(pos + 2) != SIZ) {
            throw new DecodeException("not a JPEG 2000 codestream: no SOC and SIZ markers at its start");
        }
        pos += 2;
        ImageSize size = readSiz(segment("SIZ"));
        int components = size.components().length;
        CodingSegments main = new CodingSegments(components);
        List<Packed> ppm = new ArrayList<>();
        while (true) {
            if (pos + 2 > end) {
                throw new DecodeException("the JPEG 2000 codestream ends in its main header");
            }
            int marker = u16(pos);
            if (marker == SOT) {
                break;
            }
            String name = name(marker);
            SegmentReader r = segment(name);
            switch (marker) {
                case COD -> main.readCod(r);
                case COC -> main.readCoc(r);
                case QCD -> main.readQcd(r);
                case QCC -> main.readQcc(r);
                case RGN -> main.readRgn(r);
                case POC -> main.readPoc(r);
                case PPM -> ppm.add(new Packed(r.u8(), new ByteSpan(b, r.position(), r.position() + r.remaining())));
                case SIZ, SOD, EOC -> throw new DecodeException("the JPEG 2000 main header holds a second "
                        + name + " marker");
                default -> {
                    // CAP, TLM, PLM, CRG, COM, CPF and markers of other parts: nothing needed from them.
                }
            }
        }
        if (main.cod == null || main.qcd == null) {
            throw new DecodeException("the JPEG 2000 main header lacks its " + (main.cod == null ? "COD" : "QCD")
                    + " segment");
        }
        return new Codestream(size, readTileParts(size, main, ppm));
    }

    private List<Codestream.Tile> readTileParts(ImageSize size, CodingSegments main, List<Packed> ppm)
            throws DecodeException {
        int components = size.components().length;
        long tileCount = size.tileCount();
        Map<Integer, TileParts> tiles = new TreeMap<>();
        List<Integer> partOrder = new ArrayList<>();
        while (pos + 2 <= end && u16(pos) == SOT) {
            int start = pos;
            SegmentReader sot = segment("SOT");
            int tile = sot.u16();
            long length = sot.u32();
            int part = sot.u8();
            int parts = sot.u8();
            sot.requireEnd();
            if (tile >= tileCount) {
                throw new DecodeException("a JPEG 2000 tile-part names tile " + tile + "; the codestream has "
                        + Words.count(tileCount, "tile") + ", numbered from 0");
            }
            long partEnd;
            if (length == 0) {
                partEnd = end >= pos + 2 && u16(end - 2) == EOC ? end - 2 : end;
            } else if (length < 14 || start + length > end) {
                throw new DecodeException("the JPEG 2000 tile-part at byte " + start + " declares "
                        + Words.count(length, "byte") + "; " + (end - start) + " remain in the codestream");
            } else {
                partEnd = start + length;
            }
            TileParts t = tiles.get(tile);
            if (t == null) {
                t = new TileParts(components);
                tiles.put(tile, t);
            }
            if (part != t.bodies.size()) {
                throw new DecodeException("JPEG 2000 tile " + tile + " has its tile-part " + part + " where tile-part "
                        + t.bodies.size() + " belongs");
            }
            if (parts != 0) {
                t.declaredParts = parts;
            }
            readTilePartHeader(t, part, (int) partEnd);
            t.bodies.add(new ByteSpan(b, pos, (int) partEnd));
            partOrder.add(tile);
            pos = (int) partEnd;
            if (length == 0) {
                break;
            }
        }
        if (tiles.size() != tileCount) {
            int missing = 0;
            while (tiles.containsKey(missing)) {
                missing++;
            }
            throw new DecodeException(tiles.isEmpty() ? "the JPEG 2000 codestream has no tile-part"
                    : "the JPEG 2000 codestream has no data for tile " + missing + " of its " + tileCount);
        }
        List<List<ByteSpan>> packed = ppm.isEmpty() ? null : packedPerTilePart(ppm, partOrder.size());
        List<Codestream.Tile> result = new ArrayList<>(tiles.size());
        Map<Integer, List<ByteSpan>> ppmByTile = new TreeMap<>();
        if (packed != null) {
            for (int i = 0; i < partOrder.size(); i++) {
                ppmByTile.computeIfAbsent(partOrder.get(i), k -> new ArrayList<>()).addAll(packed.get(i));
            }
        }
        for (Map.Entry<Integer, TileParts> e : tiles.entrySet()) {
            TileParts t = e.getValue();
            if (t.declaredParts != 0 && t.bodies.size() < t.declaredParts) {
                throw new DecodeException("JPEG 2000 tile " + e.getKey() + " has " + t.bodies.size() + " of its "
                        + t.declaredParts + " tile-parts");
            }
            TileCoding coding = CodingSegments.combine(main, t.segments);
            checkCoding(size, coding);
            ByteSpan headers = null;
            if (packed != null) {
                if (!t.ppt.isEmpty()) {
                    throw new DecodeException("the JPEG 2000 codestream packs packet headers both in its main header"
                            + " and in tile " + e.getKey());
                }
                headers = ByteSpan.join(ppmByTile.get(e.getKey()));
            } else if (!t.ppt.isEmpty()) {
                headers = ByteSpan.join(t.ppt.stream().map(Packed::bytes).toList());
            }
            result.add(new Codestream.Tile(e.getKey(), coding, ByteSpan.join(t.bodies), headers));
        }
        return result;
    }

    /** The main header's packed packet headers split by tile-part, in codestream order (A.7.4). */
    private List<List<ByteSpan>> packedPerTilePart(List<Packed> ppm, int tileParts) throws DecodeException {
        ppm.sort(Comparator.comparingInt(Packed::order));
        // Nppm counts and the headers they announce may run on from one PPM segment into the next.
        List<List<ByteSpan>> result = new ArrayList<>();
        int segment = 0;
        int at = ppm.get(0).bytes().from();
        long wanted = -1;
        byte[] count = new byte[4];
        int countBytes = 0;
        List<ByteSpan> current = null;
        while (segment < ppm.size()) {
            ByteSpan s = ppm.get(segment).bytes();
            if (at >= s.to()) {
                segment++;
                if (segment < ppm.size()) {
                    at = ppm.get(segment).bytes().from();
                }
                continue;
            }
            if (wanted < 0) {
                count[countBytes++] = s.bytes()[at++];
                if (countBytes == 4) {
                    wanted = ((count[0] & 0xFFL) << 24) | ((count[1] & 0xFF) << 16) | ((count[2] & 0xFF) << 8)
                            | (count[3] & 0xFF);
                    countBytes = 0;
                    current = new ArrayList<>();
                    result.add(current);
                }
                continue;
            }
            int take = (int) Math.min(wanted, s.to() - at);
            current.add(new ByteSpan(s.bytes(), at, at + take));
            at += take;
            wanted -= take;
            if (wanted == 0) {
                wanted = -1;
            }
        }
        if (wanted > 0 || countBytes != 0) {
            throw new DecodeException("the JPEG 2000 PPM segments end inside a tile-part's packet headers");
        }
        if (result.size() < tileParts) {
            throw new DecodeException("the JPEG 2000 PPM segments hold packet headers for " + result.size()
                    + " tile-parts; the codestream has " + tileParts);
        }
        return result;
    }

    private void readTilePartHeader(TileParts t, int part, int partEnd) throws DecodeException {
        while (true) {
            if (pos + 2 > partEnd) {
                throw new DecodeException("a JPEG 2000 tile-part has no start-of-data marker");
            }
            int marker = u16(pos);
            if (marker == SOD) {
                pos += 2;
                return;
            }
            String name = name(marker);
            SegmentReader r = segment(name, partEnd);
            boolean first = part == 0;
            switch (marker) {
                case COD -> onlyFirst(t, first, name).readCod(r);
                case COC -> onlyFirst(t, first, name).readCoc(r);
                case QCD -> onlyFirst(t, first, name).readQcd(r);
                case QCC -> onlyFirst(t, first, name).readQcc(r);
                case RGN -> onlyFirst(t, first, name).readRgn(r);
                case POC -> t.segments.readPoc(r);
                case PPT -> {
                    r.u8(); // Zppt: the segments are in codestream order, which is theirs
                    t.ppt.add(new Packed(t.ppt.size(), new ByteSpan(b, r.position(), r.position() + r.remaining())));
                }
                case PLT, COM -> {
                    // Packet lengths and comments: not needed to decode.
                }
                default -> throw new DecodeException("a JPEG 2000 tile-part header holds a " + name + " marker");
            }
        }
    }

    private static CodingSegments onlyFirst(TileParts t, boolean first, String name) throws DecodeException {
        if (!first) {
            throw new DecodeException("a JPEG 2000 tile-part other than a tile's first holds a " + name
                    + " segment");
        }
        return t.segments;
    }

    private ImageSize readSiz(SegmentReader r) throws DecodeException {
        r.u16(); // Rsiz: capabilities; what matters is in the other segments
        long x1 = r.u32();
        long y1 = r.u32();
        long x0 = r.u32();
        long y0 = r.u32();
        long tw = r.u32();
        long th = r.u32();
        long tx0 = r.u32();
        long ty0 = r.u32();
        int n = r.u16();
        if (n == 0 || n > 16384 || r.remaining() != 3 * n) {
            throw r.fail("of " + (r.remaining() + 38) + " bytes does not hold the " + Words.count(n, "component")
                    + " it declares");
        }
        if (x1 > Integer.MAX_VALUE || y1 > Integer.MAX_VALUE || tx0 + tw > 2L * Integer.MAX_VALUE
                || ty0 + th > 2L * Integer.MAX_VALUE) {
            throw new DecodeException("the JPEG 2000 codestream places its image or tiles beyond 2^31 on the"
                    + " reference grid, which this decoder does not support");
        }
        if (x1 <= x0 || y1 <= y0) {
            throw new DecodeException("the JPEG 2000 codestream declares an empty image (Xsiz " + x1 + ", XOsiz "
                    + x0 + ", Ysiz " + y1 + ", YOsiz " + y0 + ")");
        }
        if (tw == 0 || th == 0 || tx0 > x0 || ty0 > y0 || tx0 + tw <= x0 || ty0 + th <= y0) {
            throw new DecodeException("the JPEG 2000 codestream declares tiles of " + tw + " x " + th + " at " + tx0
                    + ", " + ty0 + ", which do not cover its image");
        }
        ImageSize.Component[] components = new ImageSize.Component[n];
        for (int c = 0; c < n; c++) {
            int s = r.u8();
            int dx = r.u8();
            int dy = r.u8();
            if (dx == 0 || dy == 0) {
                throw new DecodeException("JPEG 2000 component " + (c + 1) + " declares a subsampling factor of 0 ("
                        + dx + " x " + dy + ")");
            }
            if ((s & 0x7F) > 37) {
                throw new DecodeException("JPEG 2000 component " + (c + 1) + " declares " + ((s & 0x7F) + 1)
                        + " bits, more than the standard's 38");
            }
            components[c] = new ImageSize.Component((s & 0x7F) + 1, (s & 0x80) != 0, dx, dy);
        }
        ImageSize size = new ImageSize(x0, y0, x1, y1, tw, th, tx0, ty0, components);
        check.check(new DeclaredImage(x1 - x0, y1 - y0, n, size.tileCount(), end - codestreamStart));
        // Subsampled components are delivered at the reference grid's size: that is what is allocated. The area
        // fits a long (both sides are below 2^31), its product with up to 16384 components may not.
        long area = (x1 - x0) * (y1 - y0);
        if (area > MAX_SAMPLES / n) {
            throw new DecodeException("the JPEG 2000 codestream declares "
                    + BigInteger.valueOf(area).multiply(BigInteger.valueOf(n)) + " samples, more than "
                    + MAX_SAMPLES + " this decoder holds");
        }
        if (size.tileCount() > 65535) {
            throw new DecodeException("the JPEG 2000 codestream declares " + size.tileCount()
                    + " tiles, more than 65535");
        }
        // Each tile's coding and decoding keeps something for every component, and every tile-component with
        // samples takes at least a byte (a packet) of the codestream: a codestream of a few bytes declaring
        // thousands of tiles of thousands of components is refused before any of that is allocated. Only a
        // codestream of more than 14 components, most of whose tile-components are empty (tiles smaller than their
        // subsampling), could be valid and still be refused: with fewer, the tile-parts' own headers (14 bytes a
        // tile) take more than this asks.
        long tileComponents = size.tileCount() * n;
        if (tileComponents > end - codestreamStart) {
            throw new DecodeException("the JPEG 2000 codestream declares " + Words.count(size.tileCount(), "tile")
                    + " of " + Words.count(n, "component") + ", " + tileComponents + " tile-components, more than"
                    + " its " + Words.count(end - codestreamStart, "byte") + " can code");
        }
        return size;
    }

    /**
     * What the standard allows but this decoder does not (components of more than 16 bits), and what it forbids:
     * a component transform (G.2, G.3) over components of different sizes.
     */
    private static void checkCoding(ImageSize size, TileCoding coding) throws DecodeException {
        ImageSize.Component[] cs = size.components();
        for (int c = 0; c < coding.components().length; c++) {
            if (cs[c].precision() > 16) {
                throw new DecodeException("JPEG 2000 component " + (c + 1) + " has " + cs[c].precision()
                        + " bits; this decoder reads up to 16");
            }
        }
        if (coding.componentTransform()) {
            for (int c = 1; c < 3; c++) {
                if (cs[c].dx() != cs[0].dx() || cs[c].dy() != cs[0].dy()) {
                    throw new DecodeException("the JPEG 2000 codestream applies a component transform to components"
                            + " subsampled differently (component 1 by " + cs[0].dx() + " x " + cs[0].dy()
                            + ", component " + (c + 1) + " by " + cs[c].dx() + " x " + cs[c].dy()
                            + "), which the standard does not allow");
                }
            }
        }
    }

    /** The marker segment at {@code pos}, which must lie within the codestream; moves past it. */
    private SegmentReader segment(String name) throws DecodeException {
        return segment(name, end);
    }

    private SegmentReader segment(String name, int limit) throws DecodeException {
        int marker = u16(pos);
        if ((marker >> 8) != 0xFF || marker < 0xFF30) {
            throw new DecodeException("the JPEG 2000 codestream has no marker at byte " + pos + " where one belongs"
                    + " (found 0x" + Integer.toHexString(marker) + ")");
        }
        if (marker <= 0xFF3F) {
            // Markers without a segment, reserved for other uses.
            pos += 2;
            return new SegmentReader(b, pos, pos, name);
        }
        if (pos + 4 > limit) {
            throw new DecodeException("the JPEG 2000 codestream ends inside its " + name + " segment");
        }
        int length = u16(pos + 2);
        if (length < 2 || pos + 2 + length > limit) {
            throw new DecodeException("the JPEG 2000 " + name + " segment at byte " + pos + " declares "
                    + Words.count(length, "byte") + "; " + (limit - pos - 2) + " remain");
        }
        SegmentReader r = new SegmentReader(b, pos + 4, pos + 2 + length, name);
        pos += 2 + length;
        return r;
    }

    private static String name(int marker) {
        return switch (marker) {
            case CAP -> "CAP";
            case SIZ -> "SIZ";
            case COD -> "COD";
            case COC -> "COC";
            case TLM -> "TLM";
            case PLM -> "PLM";
            case PLT -> "PLT";
            case CPF -> "CPF";
            case QCD -> "QCD";
            case QCC -> "QCC";
            case RGN -> "RGN";
            case POC -> "POC";
            case PPM -> "PPM";
            case PPT -> "PPT";
            case CRG -> "CRG";
            case COM -> "COM";
            case SOT -> "SOT";
            case SOD -> "SOD";
            case EOC -> "EOC";
            default -> String.format("0x%04X", marker);
        };
    }

    private int u16(int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }
}
