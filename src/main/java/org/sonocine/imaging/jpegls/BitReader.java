package org.sonocine.imaging.jpegls;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import org.sonocine.imaging.codec.DecodeException;

/**
 * Reads the bits of one entropy-coded segment (the data of a scan or of one restart interval). JPEG-LS stuffs a
 * zero bit after every 0xFF byte, so the byte after 0xFF carries 7 bits, and a 0xFF followed by a byte with its
 * high bit set is a marker: the end of the segment.
 *
 * <p>Unread bits sit left-aligned in a 64-bit cache. Away from 0xFF bytes the cache is refilled eight bytes at a
 * time; bytes near a 0xFF go one by one. Reading past the segment yields zero bits, counted so that a truncated
 * segment is reported rather than decoded from invented data.
 */
final class BitReader {
    static final VarHandle BIG_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    final byte[] data;
    /** Where offsets in messages count from: the first byte of the codestream. */
    private final int base;
    /** The end of the codestream's bytes. */
    private final int limit;
    /** Next byte to move into the cache. */
    int pos;
    /** Index of the next 0xFF at or after {@link #pos}, or {@link #limit}. */
    int nextFF;
    /** Start of the marker that ends the segment, or {@link #limit} while none has been met. */
    private int end;
    /**
     * Unread bits, left-aligned. The per-sample loop of {@link ScanDecoder} works on local copies of this,
     * {@link #count} and {@link #pos}, refills them itself where {@link #nextFF} allows the fast refill, and
     * writes them back when it hands over to the methods here.
     */
    long cache;
    /** Valid bits in the cache. */
    int count;
    /** Zero bits appended to the cache after the end of the segment. */
    private int paddingBits;

    BitReader(byte[] data, int base, int limit) {
        this.data = data;
        this.base = base;
        this.limit = limit;
    }

    /** Starts a new segment at {@code position}. */
    void start(int position) {
        pos = position;
        end = limit;
        cache = 0;
        count = 0;
        paddingBits = 0;
        nextFF = findFF(position);
    }

    /**
     * Where the marker that ends the segment starts (or the end of the codestream if none does). Bytes between
     * the last bit the decoder used and that marker are ignored.
     */
    int segmentEnd() {
        if (end < limit) {
            return end;
        }
        int i = nextFF;
        while (i + 1 < limit && data[i + 1] >= 0) {
            i = findFF(i + 2);
        }
        return i;
    }

    /** Throws if the decoder has used bits that lie beyond the end of the segment. */
    void requireNotOverrun() throws DecodeException {
        if (paddingBits > count) {
            throw truncated();
        }
    }

    /**
     * The exception for data that cannot be valid: a truncation if the decoder already ran past the end of the
     * segment (the likelier cause), else {@code problem} at the current offset.
     */
    DecodeException corrupt(String problem) {
        if (paddingBits > count) {
            return truncated();
        }
        return new DecodeException(problem + " (entropy-coded data near offset " + (pos - base) + ")");
    }

    boolean readBit() throws DecodeException {
        if (count == 0) {
            refill();
        }
        boolean bit = cache < 0;
        cache <<= 1;
        count--;
        return bit;
    }

    /** Reads {@code n} bits, 0 to 24, as an unsigned number. */
    int readBits(int n) throws DecodeException {
        if (n == 0) {
            return 0;
        }
        if (count < n) {
            refill();
        }
        int value = (int) (cache >>> (64 - n));
        cache <<= n;
        count -= n;
        return value;
    }

    /**
     * Reads a limited-length Golomb code (T.87 A.5.3): a unary prefix of {@code q} zeros and a one, then either
     * {@code k} low bits when {@code q < escapeLength}, or {@code qbpp} bits holding the value minus one when
     * {@code q == escapeLength}.
     */
    int readGolomb(int k, int escapeLength, int qbpp) throws DecodeException {
        if (count < 32) {
            refill();
        }
        int q = Long.numberOfLeadingZeros(cache);
        int length = q + 1 + k;
        if (q < escapeLength && length <= count) {
            long rest = cache << q;
            cache = rest << 1 << k;
            count -= length;
            return ((q - 1) << k) + (int) (rest >>> (63 - k));
        }
        return readGolombSlow(k, escapeLength, qbpp);
    }

    /** {@link #readGolomb} for codes that the cache does not hold whole, and for the escape code. */
    private int readGolombSlow(int k, int escapeLength, int qbpp) throws DecodeException {
        int q = 0;
        while (true) {
            if (count == 0) {
                refill();
            }
            int zeros = Long.numberOfLeadingZeros(cache);
            if (zeros < count) {
                q += zeros;
                cache = cache << zeros << 1;
                count -= zeros + 1;
                break;
            }
            q += count;
            cache = 0;
            count = 0;
            if (q > escapeLength) {
                break;
            }
        }
        if (q > escapeLength) {
            throw corrupt("invalid Golomb code: more than " + escapeLength + " leading zero bits");
        }
        if (q == escapeLength) {
            return readBits(qbpp) + 1;
        }
        return (q << k) + readBits(k);
    }

    /** Tops the cache up to at least 50 bits. */
    private void refill() throws DecodeException {
        if (pos + 8 <= nextFF) {
            // no 0xFF among the next eight bytes: take as many whole bytes as fit; the part of the next byte
            // that also lands in the cache is the same bits the next refill puts there
            long word = (long) BIG_ENDIAN_LONG.get(data, pos);
            cache |= word >>> count;
            int bytes = (64 - count) >>> 3;
            pos += bytes;
            count += bytes << 3;
            return;
        }
        refillSlow();
    }

    private void refillSlow() throws DecodeException {
        while (count <= 56) {
            if (pos < nextFF) {
                cache |= (data[pos++] & 0xFFL) << (56 - count);
                count += 8;
            } else if (pos < end && pos + 1 < limit && data[pos + 1] >= 0) {
                // a 0xFF inside the data: its eight bits, then the seven data bits of the byte after it
                if (count > 49) {
                    return;
                }
                cache |= (0xFFL << (56 - count)) | ((data[pos + 1] & 0x7FL) << (49 - count));
                count += 15;
                pos += 2;
                nextFF = findFF(pos);
            } else {
                if (pos < end) {
                    end = pos;
                }
                if (paddingBits > count) {
                    throw truncated();
                }
                paddingBits += 8;
                count += 8;
            }
        }
    }

    /**
     * Moves on to the next restart interval: the marker that ends this segment must be RSTm, {@code m} being
     * {@code index} modulo 8; the new segment starts after it.
     */
    void restart(int index) throws DecodeException {
        requireNotOverrun();
        int at = segmentEnd();
        int i = at;
        while (i < limit && data[i] == (byte) 0xFF) {
            i++;
        }
        int expected = 0xD0 + (index & 7);
        if (i == at || i >= limit) {
            throw new DecodeException("restart marker RST" + (index & 7) + " missing at offset " + (at - base)
                    + (i >= limit ? ": the codestream ends there" : ""));
        }
        if ((data[i] & 0xFF) != expected) {
            throw new DecodeException(String.format("restart marker RST%d expected at offset %d, found marker 0xFF%02X",
                    index & 7, at - base, data[i] & 0xFF));
        }
        start(i + 1);
    }

    private int findFF(int from) {
        int i = from;
        while (i < limit && data[i] != (byte) 0xFF) {
            i++;
        }
        return i;
    }

    private DecodeException truncated() {
        return new DecodeException("truncated scan: the entropy-coded data ends at offset " + (end - base)
                + " before all samples were decoded");
    }
}
