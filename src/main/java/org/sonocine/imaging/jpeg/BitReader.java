package org.sonocine.imaging.jpeg;

import org.sonocine.imaging.DecodeException;

/**
 * Reads the entropy-coded data of a scan bit by bit through a 64-bit buffer, removing stuffed zero bytes.
 *
 * <p>Like libjpeg, it stops in front of a marker and then supplies zero bits, remembering that it did: whoever
 * decodes the scan asks {@link #overran()} after each MCU to find out whether real data ran short. It also stops
 * at the end of the data; that case cannot be recovered (DCMTK fails there), which {@link #hitEndOfData()} tells.
 */
final class BitReader {
    private final byte[] data;
    private final int end;
    private int pos;
    private long buffer;
    /** Valid bits at the low end of the buffer. */
    private int bits;
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
        int entry = table.lookup[(int) (buffer >>> (bits - HuffmanTable.LOOKUP_BITS))
                & ((1 << HuffmanTable.LOOKUP_BITS) - 1)];
        if (entry == 0) {
            entry = table.decodeLong((int) (buffer >>> (bits - HuffmanTable.BAD_CODE_LENGTH)) & 0x1FFFF);
        }
        bits -= entry >>> 8;
        return entry & 0xFF;
    }

    /** Reads {@code count} (0..16) bits as an unsigned number. */
    int bits(int count) {
        if (bits < count) {
            fill();
        }
        bits -= count;
        return (int) (buffer >>> bits) & ((1 << count) - 1);
    }

    /** Reads a {@code size}-bit magnitude category value and sign-extends it (T.81 F.2.2.1, EXTEND). */
    int signed(int size) {
        int value = bits(size);
        return value < 1 << (size - 1) ? value - (1 << size) + 1 : value;
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

    private void fill() {
        while (bits <= 56) {
            if (stopped) {
                if (bits < padding) {
                    overran = true;
                    padding = bits;
                }
                buffer <<= 8;
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
            buffer = buffer << 8 | b;
            bits += 8;
        }
    }
}
