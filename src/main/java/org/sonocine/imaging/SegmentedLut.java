package org.sonocine.imaging;

import org.sonocine.imaging.codec.DecodeException;

import java.util.Arrays;

/**
 * Expands segmented lookup table data (PS3.3 C.7.9.2): discrete segments copy values, linear segments step from
 * the previous value to their end value (ending exactly on it), indirect segments replay earlier segments.
 */
final class SegmentedLut {
    private static final int DISCRETE = 0;
    private static final int LINEAR = 1;
    private static final int INDIRECT = 2;

    private SegmentedLut() {
    }

    static int[] expand(int[] segments, int entries) throws DecodeException {
        int[] out = new int[Math.min(entries, 65536)];
        int n = expand(segments, 0, segments.length, out, 0, true);
        if (n < out.length) {
            out = Arrays.copyOf(out, Math.max(n, 1));
        }
        return out;
    }

    /** Expands segments[from..to) into out from position {@code at}; returns the new position. */
    private static int expand(int[] s, int from, int to, int[] out, int at, boolean allowIndirect)
            throws DecodeException {
        int i = from;
        int o = at;
        while (i + 1 < to && o < out.length) {
            int opcode = s[i];
            int length = s[i + 1];
            switch (opcode) {
                case DISCRETE -> {
                    int n = Math.min(length, Math.min(to - i - 2, out.length - o));
                    System.arraycopy(s, i + 2, out, o, Math.max(0, n));
                    o += Math.max(0, n);
                    i += 2 + length;
                }
                case LINEAR -> {
                    if (i + 2 >= to) {
                        throw new DecodeException("a linear palette segment is cut short");
                    }
                    int y0 = o > 0 ? out[o - 1] : 0;
                    int y1 = s[i + 2];
                    for (int k = 1; k <= length && o < out.length; k++) {
                        out[o++] = (int) Math.rint(y0 + (double) (y1 - y0) * k / length);
                    }
                    i += 3;
                }
                case INDIRECT -> {
                    if (!allowIndirect || i + 3 >= to) {
                        throw new DecodeException("an indirect palette segment is nested or cut short");
                    }
                    int offset = s[i + 2] | s[i + 3] << 16;
                    int end = offset;
                    for (int k = 0; k < length && end + 1 < s.length; k++) {
                        end += s[end] == DISCRETE ? 2 + s[end + 1] : s[end] == LINEAR ? 3 : 4;
                    }
                    if (offset < 0 || offset >= s.length || end > s.length) {
                        throw new DecodeException("an indirect palette segment points outside the table");
                    }
                    o = expand(s, offset, end, out, o, false);
                    i += 4;
                }
                default -> throw new DecodeException("unknown palette segment type " + opcode);
            }
        }
        return o;
    }
}
