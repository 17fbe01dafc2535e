package org.sonocine.imaging;

import org.sonocine.dicom.Bytes;

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
 * together, in their order, each with the number of parts of its tile. Bytes between the last tile-part and the
 * end-of-codestream marker are left out. A codestream with packed packet headers in its main header (PPM), whose
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
     * rewriting or its structure cannot be followed (then the decoder reports what it finds).
     */
    static byte[] normalise(byte[] codestream) {
        int firstTilePart = firstTilePart(codestream);
        if (firstTilePart < 0) {
            return codestream;
        }
        List<TilePart> parts = tileParts(codestream, firstTilePart);
        if (parts.isEmpty() || !needsRewriting(codestream, parts)) {
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

    /** The tile-parts in codestream order; empty when their lengths do not lead from one SOT to the next. */
    private static List<TilePart> tileParts(byte[] b, int from) {
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
                return List.of();
            }
            parts.add(new TilePart(pos, (int) end, tile, index, count));
            if (length == 0) {
                break;
            }
            pos = (int) end;
        }
        return hasSod(b, parts) ? parts : List.of();
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
