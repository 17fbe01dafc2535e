package org.sonocine.imaging.jpeg2000;

import org.sonocine.imaging.codec.DecodeException;

/**
 * Reads packet header bits (ISO/IEC 15444-1 B.10.1): most significant first, with a 0 bit stuffed at the top of
 * every byte that follows 0xFF.
 */
final class HeaderBits {
    private byte[] b;
    private int pos;
    private int end;
    private int current;
    private int left;
    private boolean afterFF;

    void start(byte[] bytes, int from, int to) {
        b = bytes;
        pos = from;
        end = to;
        left = 0;
        afterFF = false;
    }

    int bit() throws DecodeException {
        if (left == 0) {
            if (pos >= end) {
                throw new DecodeException("a JPEG 2000 packet header runs past the end of its data");
            }
            current = b[pos++] & 0xFF;
            left = afterFF ? 7 : 8;
            afterFF = current == 0xFF;
        }
        left--;
        return (current >> left) & 1;
    }

    int bits(int n) throws DecodeException {
        int v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 1) | bit();
        }
        return v;
    }

    /** Ends the header: skips the rest of the byte, and the byte after a closing 0xFF, whose top bit is stuffed. */
    int finish() {
        left = 0;
        if (afterFF && pos < end) {
            pos++;
        }
        afterFF = false;
        return pos;
    }
}
