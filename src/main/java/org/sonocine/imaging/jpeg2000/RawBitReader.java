package org.sonocine.imaging.jpeg2000;

/**
 * The raw (bypassed) bits of a selective arithmetic-coding bypass segment (ISO/IEC 15444-1 D.6): most significant
 * bit first, with the bit stuffed after each 0xFF byte skipped. Past the segment's end, and at a marker, it reads
 * 1-bits, as the arithmetic decoder does.
 */
final class RawBitReader {
    private byte[] data;
    private int pos;
    private int end;
    private int current;
    private int bits;

    void start(byte[] bytes, int start, int limit) {
        data = bytes;
        pos = start;
        end = limit;
        current = 0;
        bits = 0;
    }

    int read() {
        if (bits == 0) {
            int next = pos < end ? data[pos] & 0xFF : 0xFF;
            if (current == 0xFF) {
                if (next > 0x8F) {
                    current = 0xFF;
                    bits = 8;
                } else {
                    current = next;
                    pos++;
                    bits = 7;
                }
            } else {
                current = next;
                pos++;
                bits = 8;
            }
        }
        bits--;
        return (current >> bits) & 1;
    }
}
