package org.sonocine.imaging.jpeg2000;

import java.io.ByteArrayOutputStream;

/** Raw bits of a bypass segment, most significant first, a 0 bit stuffed after each 0xFF byte. */
final class RawBitWriter {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private int current;
    private int bits;
    private int capacity = 8;

    void write(int bit) {
        current = current << 1 | bit;
        bits++;
        if (bits == capacity) {
            bytes.write(current);
            capacity = current == 0xFF ? 7 : 8;
            current = 0;
            bits = 0;
        }
    }

    void finish(ByteArrayOutputStream out) {
        if (bits > 0) {
            int pad = 0;
            while (bits > 0) {
                write(pad);
                pad ^= 1; // the standard's 0101... padding
            }
        }
        byte[] b = bytes.toByteArray();
        out.write(b, 0, b.length);
    }
}
