package org.sonocine.imaging.jpeg2000;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A forward-growing HT bit-stream (MagSgn, SigProp), read least significant bit first; a byte after 0xFF carries
 * only seven bits (its stuffed most significant bit is dropped). Past its end it reads the given fill byte.
 */
final class HtForwardBits {
    private static final VarHandle LITTLE_ENDIAN_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] data;
    private int position;
    private int end;
    private int fill;
    private long bits;
    private int count;
    private boolean stuffed;

    void start(byte[] data, int start, int length, int fill) {
        this.data = data;
        this.position = start;
        this.end = start + length;
        this.fill = fill;
        this.bits = 0;
        this.count = 0;
        this.stuffed = false;
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

    /** The next {@code n} bits (0 to 32) as an unsigned number, the first read in bit 0. */
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
        if (count <= 32 && !stuffed && position + 4 <= end) {
            // Four bytes at once when none of them is 0xFF, so none makes the next one stuffed.
            int word = (int) LITTLE_ENDIAN_INT.get(data, position);
            int inverse = ~word;
            if (((inverse - 0x01010101) & ~inverse & 0x80808080) == 0) {
                bits |= (word & 0xFFFFFFFFL) << count;
                count += 32;
                position += 4;
                return;
            }
        }
        while (count <= 56) {
            int b = position < end ? data[position] & 0xFF : fill;
            position++;
            if (stuffed) {
                bits |= (long) (b & 0x7F) << count;
                count += 7;
            } else {
                bits |= (long) b << count;
                count += 8;
            }
            stuffed = b == 0xFF;
        }
    }
}
