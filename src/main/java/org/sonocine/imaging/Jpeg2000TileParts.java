package org.sonocine.imaging;

import org.sonocine.dicom.Bytes;
import org.sonocine.imaging.codec.DecodeException;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a JPEG 2000 codestream's tile-parts in the form JAI ImageIO decodes correctly. JAI silently decodes wrong
 * pixels when a tile is split into tile-parts whose header leaves their number open (TNsot = 0, as OpenJPEG and
 * Kakadu write), or when the tile-parts of different tiles are interleaved (as GDCM writes). Both are legal
 * (ISO/IEC 15444-1 A.4.2), and both can be rewritten without touching a coded bit: each tile's parts are put
 * together, in their order, each with the number of parts of its tile. Marker segments between the last
 * tile-part and the end-of-codestream marker are left out. A codestream with packed packet headers in its main header (PPM), whose
 * order follows the tile-parts', is left as it is.
 */
final class Jpeg2000TileParts {
    private static final int SOT = 0xFF90;
    private static final int SOD = 0xFF93;
    private static final int EOC = 0xFFD9;
    private static final int PPM = 0xFF60;

    /** One tile-part: where it lies in the codestream, and its tile and place among the tile's parts. */
    private record TilePart(int start, int end, int tile, int index, int declaredCount) {
    }

    private Jpeg2000TileParts() {
    }

    /**
     * The codestream (starting at SOC) rewritten as described, or {@code codestream} itself when it needs no
     * rewriting or has no main header to follow (then the decoder reports what it finds). Refuses tile-parts
     * that cannot be put in order: lengths that do not lead from one tile-part to the next, a tile's parts out of
     * order or repeated, a tile-part swallowing others. JAI decodes such codestreams to wrong pixels or not at
     * all, and the reference decoders refuse them.
     */
    static byte[] normalise(byte[] codestream) throws DecodeException {
        int firstTilePart = firstTilePart(codestream);
        if (firstTilePart < 0) {
            return codestream;
        }
        List<TilePart> parts = tileParts(codestream, firstTilePart);
        if (parts.isEmpty()) {
            throw new DecodeException("the JPEG 2000 codestream ends inside its first tile-part header");
        }
        requireConsistent(codestream, parts);
        if (!needsRewriting(codestream, parts)) {
            return codestream;
        }
        Map<Integer, List<TilePart>> byTile = new LinkedHashMap<>();
        for (TilePart p : parts) {
            byTile.computeIfAbsent(p.tile, t -> new ArrayList<>()).add(p);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(codestream.length);
        out.write(codestream, 0, firstTilePart);
        for (List<TilePart> tile : byTile.values()) {
            tile.sort((a, b) -> Integer.compare(a.index, b.index));
            for (TilePart p : tile) {
                byte[] copy = java.util.Arrays.copyOfRange(codestream, p.start, p.end);
                // Psot is the exact length; TNsot, the byte after TPsot, becomes the tile's number of parts.
                Bytes.putInt32(copy, 6, p.end - p.start, true);
                copy[11] = (byte) tile.size();
                out.write(copy, 0, copy.length);
            }
        }
        out.write(EOC >> 8);
        out.write(EOC & 0xFF);
        return out.toByteArray();
    }

    /** Where the first SOT marker is, after the main header's marker segments; -1 if not found or PPM is used. */
    private static int firstTilePart(byte[] b) {
        if (b.length < 4 || u16(b, 0) != 0xFF4F) {
            return -1;
        }
        int pos = 2;
        while (pos + 4 <= b.length) {
            int marker = u16(b, pos);
            if (marker == SOT) {
                return pos;
            }
            if (marker == PPM || (marker >> 8) != 0xFF) {
                return -1;
            }
            pos += 2 + u16(b, pos + 2);
        }
        return -1;
    }

    /** The tile-parts in codestream order, as far as their lengths lead from one SOT to the next. */
    private static List<TilePart> tileParts(byte[] b, int from) throws DecodeException {
        List<TilePart> parts = new ArrayList<>();
        int pos = from;
        while (pos + 12 <= b.length && u16(b, pos) == SOT) {
            int tile = u16(b, pos + 4);
            long length = u32(b, pos + 6);
            int index = b[pos + 10] & 0xFF;
            int count = b[pos + 11] & 0xFF;
            long end;
            if (length == 0) {
                // The last tile-part runs to the end-of-codestream marker.
                end = b.length >= 2 && u16(b, b.length - 2) == EOC ? b.length - 2 : b.length;
            } else {
                end = pos + length;
            }
            if (length != 0 && length < 14 || end > b.length) {
                throw new DecodeException("the JPEG 2000 tile-part at byte " + pos + " declares " + length
                        + " bytes, which do not fit the codestream");
            }
            parts.add(new TilePart(pos, (int) end, tile, index, count));
            if (length == 0) {
                break;
            }
            pos = (int) end;
        }
        if (!hasSod(b, parts)) {
            throw new DecodeException("a JPEG 2000 tile-part has no start-of-data marker");
        }
        return parts;
    }

    /**
     * Each tile's parts numbered 0, 1, 2, ... in codestream order (a declared count may be wrong: GDCM writes
     * fewer than it writes parts, and the reference decoders accept that); what follows
     * the last tile-part is the end marker, or, once every tile is complete, stray marker segments before it; no
     * SOT marker inside a tile-part that runs to the end (coded data never holds one: 0xFF is never followed by
     * 0x90 there).
     */
    private static void requireConsistent(byte[] b, List<TilePart> parts) throws DecodeException {
        Map<Integer, Integer> next = new LinkedHashMap<>();
        Map<Integer, Integer> declared = new LinkedHashMap<>();
        for (TilePart p : parts) {
            int expected = next.getOrDefault(p.tile, 0);
            if (p.index != expected) {
                throw new DecodeException("JPEG 2000 tile " + p.tile + " has its tile-part " + p.index + " where"
                        + " tile-part " + expected + " belongs");
            }
            next.put(p.tile, expected + 1);
            if (p.declaredCount != 0) {
                declared.put(p.tile, p.declaredCount);
            }
        }
        TilePart last = parts.get(parts.size() - 1);
        boolean ends = last.end == b.length || last.end + 2 <= b.length && u16(b, last.end) == EOC;
        boolean complete = next.entrySet().stream().allMatch(t -> t.getValue().equals(declared.get(t.getKey())));
        if (!ends && !(complete && markerSegmentsToTheEnd(b, last.end))) {
            throw new DecodeException("the JPEG 2000 tile-part at byte " + last.start + " does not lead to the next"
                    + " tile-part or the end of the codestream");
        }
        if (u32(b, last.start + 6) == 0 && containsSot(b, last.start + 12, last.end)) {
            throw new DecodeException("a JPEG 2000 tile-part that runs to the end of the codestream holds other"
                    + " tile-parts");
        }
    }

    /** Whether marker segments, each by its length, lead from {@code pos} to the end-of-codestream marker. */
    private static boolean markerSegmentsToTheEnd(byte[] b, int pos) {
        while (pos + 2 <= b.length) {
            int marker = u16(b, pos);
            if (marker == EOC) {
                return true;
            }
            if ((marker >> 8) != 0xFF || marker == SOT || pos + 4 > b.length) {
                return false;
            }
            pos += 2 + u16(b, pos + 2);
        }
        return false;
    }

    private static boolean containsSot(byte[] b, int from, int to) {
        for (int i = from; i + 4 <= to; i++) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0x90 && b[i + 2] == 0 && b[i + 3] == 10) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSod(byte[] b, List<TilePart> parts) {
        for (TilePart p : parts) {
            int pos = p.start + 12;
            boolean found = false;
            while (pos + 2 <= p.end) {
                int marker = u16(b, pos);
                if (marker == SOD) {
                    found = true;
                    break;
                }
                if ((marker >> 8) != 0xFF || pos + 4 > p.end) {
                    return false;
                }
                pos += 2 + u16(b, pos + 2);
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** Whether any tile's parts are apart, out of order, of open number, or followed by stray bytes. */
    private static boolean needsRewriting(byte[] b, List<TilePart> parts) {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        for (TilePart p : parts) {
            counts.merge(p.tile, 1, Integer::sum);
        }
        int previousTile = -1;
        int expectedIndex = 0;
        java.util.Set<Integer> finished = new java.util.HashSet<>();
        for (TilePart p : parts) {
            if (p.tile != previousTile) {
                if (!finished.add(p.tile)) {
                    return true;
                }
                expectedIndex = 0;
                previousTile = p.tile;
            }
            if (p.index != expectedIndex++ || p.declaredCount != counts.get(p.tile)) {
                return true;
            }
        }
        int end = parts.get(parts.size() - 1).end;
        return !(end == b.length - 2 && u16(b, end) == EOC) && !(end == b.length);
    }

    /** Marker segments are big-endian. */
    private static int u16(byte[] b, int at) {
        return Bytes.uint16(b, at, true);
    }

    private static long u32(byte[] b, int at) {
        return Bytes.int32(b, at, true) & 0xFFFFFFFFL;
    }
}
