package org.sonocine.imaging.jpeg2000;

/**
 * The MEL stream of an HT cleanup segment (ISO/IEC 15444-15): an adaptive run-length code of the significance
 * events of quads without significant neighbours. It is read forwards, most significant bit first, from the start
 * of the MEL/VLC suffix; a byte after 0xFF carries only seven bits. The last byte it may read is shared with the
 * VLC stream, whose length nibble it must not see, and past its end it reads ones.
 */
final class HtMelDecoder {
    /** The run exponent of each of the 13 MEL states. */
    private static final int[] EXPONENT = {0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5};

    private byte[] data;
    private int position;
    private int end;
    private int current;
    private int bitsLeft;
    private boolean stuffed;
    private int state;
    private int zerosLeft;
    private boolean oneLeft;

    /** Starts reading {@code length} bytes from {@code start}, the last of which is the one shared with VLC. */
    void start(byte[] data, int start, int length) {
        this.data = data;
        this.position = start;
        this.end = start + length;
        this.bitsLeft = 0;
        this.stuffed = false;
        this.state = 0;
        this.zerosLeft = 0;
        this.oneLeft = false;
    }

    /** The next event: 1 when a quad (or a pair's u values) is significant, else 0. */
    int event() {
        if (zerosLeft == 0 && !oneLeft) {
            readRun();
        }
        if (zerosLeft > 0) {
            zerosLeft--;
            return 0;
        }
        oneLeft = false;
        return 1;
    }

    private void readRun() {
        int exponent = EXPONENT[state];
        if (bit() == 1) {
            zerosLeft = 1 << exponent;
            oneLeft = false;
            state = Math.min(state + 1, 12);
        } else {
            int run = 0;
            for (int i = 0; i < exponent; i++) {
                run = (run << 1) | bit();
            }
            zerosLeft = run;
            oneLeft = true;
            state = Math.max(state - 1, 0);
        }
    }

    private int bit() {
        if (bitsLeft == 0) {
            int b = 0xFF;
            if (position < end) {
                b = data[position] & 0xFF;
                if (position == end - 1) {
                    b |= 0x0F;
                }
            }
            position++;
            bitsLeft = stuffed ? 7 : 8;
            stuffed = b == 0xFF;
            current = b;
        }
        bitsLeft--;
        return (current >>> bitsLeft) & 1;
    }
}
