package org.sonocine.imaging.jpeg2000;

import org.sonocine.imaging.codec.DecodeException;

/** Finds the codestream of a JP2 file (ISO/IEC 15444-1 Annex I): the contents of its first 'jp2c' box. */
final class Jp2Boxes {
    private static final int JP2C = ('j' << 24) | ('p' << 16) | ('2' << 8) | 'c';

    private Jp2Boxes() {
    }

    /**
     * {start, end} of the codestream in bytes {@code from} to {@code to} − 1: all of them when they start with the
     * SOC marker, else the first contiguous codestream box's contents.
     */
    static int[] codestream(byte[] b, int from, int to) throws DecodeException {
        if (to - from >= 2 && (b[from] & 0xFF) == 0xFF && (b[from + 1] & 0xFF) == 0x4F) {
            return new int[] {from, to};
        }
        long pos = from;
        while (pos + 8 <= to) {
            int at = (int) pos;
            long length = u32(b, at);
            int type = (int) u32(b, at + 4);
            int header = 8;
            if (length == 1) {
                if (pos + 16 > to) {
                    break;
                }
                length = (u32(b, at + 8) << 32) | u32(b, at + 12);
                header = 16;
            } else if (length == 0) {
                length = to - pos;
            }
            if (length < header || pos + length > to) {
                if (type == JP2C) {
                    // A codestream box cut short: decode what is there and let the codestream say what is missing.
                    return new int[] {at + header, to};
                }
                break;
            }
            if (type == JP2C) {
                return new int[] {at + header, (int) (pos + length)};
            }
            pos += length;
        }
        throw new DecodeException("neither a JPEG 2000 codestream nor a JP2 file with one");
    }

    private static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8)
                | (b[at + 3] & 0xFF);
    }
}
