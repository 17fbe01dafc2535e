package org.sonocine.imaging.jpeg;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import org.sonocine.imaging.codec.DecodeException;

/**
 * Reads the entropy-coded data of a scan bit by bit through a 64-bit buffer, removing stuffed zero bytes.
 *
 * <p>Like libjpeg, it stops in front of a marker and then supplies zero bits, remembering that it did: whoever
 * decodes the scan asks {@link #overran()} after each MCU to find out whether real data ran short. It also stops
 * at the end of the data; that case cannot be recovered (DCMTK fails there), which {@link #hitEndOfData()} tells.
 */
final class BitReader {
    private static final VarHandle BIG_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final byte[] data;
    private final int end;
    private int pos;
    /**
     * The bit buffer, next bit in the most significant place, zeros below the {@code bits} valid ones. Left
     * alignment keeps the lookup index a constant shift away, which shortens the chain of dependent operations
     * from one code to the next. Package-private for the one loop that is worth holding them in locals,
     * {@link LosslessLineDecoder}; it writes them back before calling any method here.
     */
    long buffer;
    int bits;
    /** How many of those valid bits are zero padding supplied after the data stopped. */
    private int padding;
    private boolean overran;
    private boolean stopped;
    /** Index of the marker code byte the data stopped at, or -1 when it stopped at the end of the data. */
    private int markerIndex = -1;

    BitReader(byte[] data, int from, int end) {
        this.data = data;
        this.pos = from;
        this.end = end;
    }

    /** Decodes one Huffman-coded symbol. */
    int decode(HuffmanTable table) {
        if (bits < HuffmanTable.BAD_CODE_LENGTH) {
            fill();
        }
        int entry = table.lookup[(int) (buffer >>> (64 - HuffmanTable.LOOKUP_BITS))];
        if (entry == 0) {
            entry = table.decodeLong((int) (buffer >>> (64 - HuffmanTable.BAD_CODE_LENGTH)));
        }
        int length = entry >>> 8;
        buffer <<= length;
        bits -= length;
        return entry & 0xFF;
    }

    /** Reads {@code count} (1..16) bits as an unsigned number. */
    int bits(int count) {
        if (bits < count) {
            fill();
        }
        int value = (int) (buffer >>> (64 - count));
        buffer <<= count;
        bits -= count;
        return value;
    }

    /** Reads a {@code size}-bit magnitude category value and sign-extends it (T.81 F.2.2.1, EXTEND). */
    /** T.81 F.2.2.1: a DC difference, its category Huffman-coded in {@code table} and its bits following. */
    int dcDifference(HuffmanTable table) throws DecodeException {
        int s = decode(table);
        if (s == 0) {
            return 0;
        }
        if (s > 15) {
            throw new DecodeException("invalid DC difference category " + s + " in the scan data");
        }
        return signed(s);
    }

    int signed(int size) {
        int value = bits(size);
        return value < 1 << (size - 1) ? value - (1 << size) + 1 : value;
    }

    /** Decodes one lossless difference (T.81 H.2.2): a magnitude category, then that many bits. */
    int difference(HuffmanTable table) throws DecodeException {
        int s = decode(table);
        if (s == 0) {
            return 0;
        }
        if (s < 16) {
            return signed(s);
        }
        return categorySixteen(s);
    }

    private static int categorySixteen(int s) throws DecodeException {
        if (s == 16) {
            return 32768;
        }
        throw new DecodeException("invalid lossless difference category " + s + " in the scan data");
    }

    /** True when the bits consumed so far went past the real data into the zero padding. */
    boolean overran() {
        return overran || bits < padding;
    }

    /** True when the data ended without a marker (as opposed to a marker cutting the scan short). */
    boolean hitEndOfData() {
        return stopped && markerIndex < 0;
    }

    /** Where the marker parser continues after the scan: at the marker that stopped it, or the unread data. */
    int resumePosition() {
        if (stopped) {
            return markerIndex < 0 ? end : markerIndex - 1;
        }
        return pos;
    }

    /**
     * Moves past the restart marker expected next ({@code RST0 + number}), with libjpeg's resynchronization when
     * another marker is found instead (jdmarker.c, resync_to_restart): an invalid marker or one of the two
     * previous restarts is skipped, a non-restart marker or one of the next two restarts is left in place (the
     * coming interval then reads as empty), any other restart marker is taken as the expected one.
     *
     * @return whether a marker was consumed, as opposed to left in place
     */
    boolean restart(int number) throws DecodeException {
        buffer = 0;
        bits = 0;
        padding = 0;
        overran = false;
        if (!stopped) {
            markerIndex = Codestream.findMarker(data, pos, end);
            stopped = true;
        }
        while (true) {
            if (markerIndex < 0) {
                throw new DecodeException("JPEG data is truncated: it ends where restart marker RST" + number
                        + " should follow");
            }
            int code = data[markerIndex] & 0xFF;
            boolean consume;
            if (code == Marker.RST0 + number) {
                consume = true;
            } else if (code < Marker.SOF0) {
                markerIndex = Codestream.findMarker(data, markerIndex + 1, end);
                continue;
            } else if (!Marker.isRestart(code)) {
                consume = false;
            } else {
                int ahead = (code - Marker.RST0 - number) & 7;
                if (ahead == 6 || ahead == 7) {
                    markerIndex = Codestream.findMarker(data, markerIndex + 1, end);
                    continue;
                }
                consume = ahead > 2;
            }
            if (consume) {
                pos = markerIndex + 1;
                markerIndex = -1;
                stopped = false;
            }
            return consume;
        }
    }

    /** Tops the buffer up to at least 57 bits, with zero padding once the data has stopped. */
    void fill() {
        if (!stopped && end - pos >= 8) {
            long word = (long) BIG_ENDIAN_LONG.get(data, pos);
            long inverted = ~word;
            if (((inverted - ONES) & ~inverted & HIGH_BITS) == 0) {
                // no 0xFF among the next 8 bytes, so no stuffing or marker: take as many whole bytes as fit
                int taken = (64 - bits) >>> 3;
                int valid = bits + (taken << 3);
                buffer = (buffer | word >>> bits) & -1L << (64 - valid);
                bits = valid;
                pos += taken;
                return;
            }
        }
        while (bits <= 56) {
            if (stopped) {
                if (bits < padding) {
                    overran = true;
                    padding = bits;
                }
                bits += 8;
                padding += 8;
                continue;
            }
            if (pos >= end) {
                stopped = true;
                markerIndex = -1;
                continue;
            }
            int b = data[pos] & 0xFF;
            if (b == 0xFF) {
                int p = pos + 1;
                while (p < end && data[p] == (byte) 0xFF) {
                    p++;
                }
                if (p >= end || data[p] != 0) {
                    // a marker (or the data ending in fill bytes): the entropy-coded data stops here
                    stopped = true;
                    markerIndex = p < end ? p : -1;
                    continue;
                }
                pos = p + 1;
            } else {
                pos++;
            }
            buffer |= (long) b << (56 - bits);
            bits += 8;
        }
    }
}
