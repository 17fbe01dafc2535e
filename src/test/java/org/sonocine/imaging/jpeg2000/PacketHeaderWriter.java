package org.sonocine.imaging.jpeg2000;

import java.io.ByteArrayOutputStream;

/**
 * Packet-header bits (ISO/IEC 15444-1 B.10.1), most significant first, a 0 bit stuffed after each 0xFF byte; the
 * header ends on a byte boundary and, after a 0xFF, with one more byte, so that it never ends in 0xFF.
 */
final class PacketHeaderWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int current;
    private int count;
    private int capacity = 8;

    PacketHeaderWriter bit(int bit) {
        current = current << 1 | bit;
        if (++count == capacity) {
            out.write(current);
            capacity = current == 0xFF ? 7 : 8;
            current = 0;
            count = 0;
        }
        return this;
    }

    /** The low {@code n} bits of {@code value}, most significant first. */
    PacketHeaderWriter bits(int value, int n) {
        for (int i = n - 1; i >= 0; i--) {
            bit((value >> i) & 1);
        }
        return this;
    }

    byte[] finish() {
        while (count != 0 || capacity == 7) {
            bit(0);
        }
        return out.toByteArray();
    }
}
