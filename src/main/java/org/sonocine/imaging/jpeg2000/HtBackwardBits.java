package org.sonocine.imaging.jpeg2000;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A backward-growing HT bit-stream (VLC, MagRef), read from its last byte towards its first, least significant bit
 * first. After a byte above 0x8F, a byte whose low seven bits are all ones carries only those seven (its most
 * significant bit is stuffed). Past its start it reads zeros.
 */
final class HtBackwardBits {
    private static final VarHandle LITTLE_ENDIAN_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] data;
    private int position;
    private int first;
    private long bits;
    private int count;
    private boolean stuffed;

    /**
     * Starts the VLC stream of a cleanup segment of {@code lcup} bytes at {@code start} whose MEL and VLC suffix
     * is {@code scup} bytes: it begins at the upper nibble of the segment's last-but-one byte (the rest of the
     * last two bytes hold scup) as though a byte above 0x8F preceded it.
     */
    void startVlc(byte[] data, int start, int lcup, int scup) {
        this.data = data;
        this.first = start + lcup - scup;
        int b = data[start + lcup - 2] & 0xFF;
        this.position = start + lcup - 3;
        int nibble = b >>> 4;
        if ((nibble & 7) == 7) {
            this.bits = 7;
            this.count = 3;
        } else {
            this.bits = nibble;
            this.count = 4;
        }
        this.stuffed = nibble > 8;
    }

    /** Starts the MagRef stream: the {@code length} bytes at {@code start}, read from the last. */
    void startMagRef(byte[] data, int start, int length) {
        this.data = data;
        this.first = start;
        this.position = start + length - 1;
        this.bits = 0;
        this.count = 0;
        this.stuffed = true;
    }

    /** At least the next 32 bits, the next one in bit 0; nothing is consumed. */
    int peek() {
        if (count < 32) {
            refill();
        }
        return (int) bits;
    }

    void skip(int n) {
        bits >>>= n;
        count -= n;
    }

    /** The next {@code n} bits (0 to 32), the first read in bit 0. */
    int read(int n) {
        if (count < 32) {
            refill();
        }
        int value = (int) (bits & ((1L << n) - 1));
        bits >>>= n;
        count -= n;
        return value;
    }

    int bit() {
        if (count == 0) {
            refill();
        }
        int value = (int) bits & 1;
        bits >>>= 1;
        count--;
        return value;
    }

    private void refill() {
        if (count <= 32 && position - 3 >= first) {
            // Four bytes at once when none has its low seven bits all ones, so none can be stuffed.
            int word = (int) LITTLE_ENDIAN_INT.get(data, position - 3);
            int sevens = (word & 0x7F7F7F7F) ^ 0x7F7F7F7F;
            if (((sevens - 0x01010101) & ~sevens & 0x80808080) == 0) {
                bits |= (Integer.reverseBytes(word) & 0xFFFFFFFFL) << count;
                count += 32;
                position -= 4;
                stuffed = (word & 0xFF) > 0x8F;
                return;
            }
        }
        while (count <= 56) {
            int b = position >= first ? data[position] & 0xFF : 0;
            position--;
            if (stuffed && (b & 0x7F) == 0x7F) {
                bits |= (long) (b & 0x7F) << count;
                count += 7;
            } else {
                bits |= (long) b << count;
                count += 8;
            }
            stuffed = b > 0x8F;
        }
    }
}
