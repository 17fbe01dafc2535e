package org.sonocine.imaging.jpeg2000;

import java.io.ByteArrayOutputStream;

/** The MQ encoder of ISO/IEC 15444-1 Annex C (INITENC, ENCODE, BYTEOUT with carry, FLUSH), for round trips. */
final class MqEncoder {
    final int[] states;
    private byte[] buf = new byte[64];
    private int bp;
    private int a;
    private int c;
    private int ct;

    MqEncoder(int contexts) {
        states = new int[contexts];
        java.util.Arrays.fill(states, MqDecoder.packed(0));
    }

    /** INITENC; the context states are left as they are. */
    void start() {
        buf[0] = 0; // the byte before the segment, never output
        bp = 0;
        a = 0x8000;
        c = 0;
        ct = 12;
    }

    void encode(int d, int cx) {
        int state = states[cx];
        int qe = MqDecoder.qe(state);
        a -= qe;
        if (d == (state & 1)) {
            if ((a & 0x8000) != 0) {
                c += qe;
                return;
            }
            if (a < qe) {
                a = qe;
            } else {
                c += qe;
            }
            states[cx] = MqDecoder.next(state, false);
        } else {
            if (a < qe) {
                c += qe;
            } else {
                a = qe;
            }
            states[cx] = MqDecoder.next(state, true);
        }
        do {
            a <<= 1;
            c <<= 1;
            ct--;
            if (ct == 0) {
                byteOut();
            }
        } while ((a & 0x8000) == 0);
    }

    private void put(int value) {
        if (bp >= buf.length) {
            buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        }
        buf[bp] = (byte) value;
    }

    private void byteOut() {
        int b = buf[bp] & 0xFF;
        if (b == 0xFF) {
            bp++;
            put(c >>> 20);
            c &= 0xFFFFF;
            ct = 7;
        } else if (c < 0x8000000) {
            bp++;
            put(c >>> 19);
            c &= 0x7FFFF;
            ct = 8;
        } else {
            b++;
            buf[bp] = (byte) b;
            if (b == 0xFF) {
                c &= 0x7FFFFFF;
                bp++;
                put(c >>> 20);
                c &= 0xFFFFF;
                ct = 7;
            } else {
                bp++;
                put(c >>> 19);
                c &= 0x7FFFF;
                ct = 8;
            }
        }
    }

    /** FLUSH, then the segment's bytes (a final 0xFF dropped). */
    void finish(ByteArrayOutputStream out) {
        int tempc = c + a;
        c |= 0xFFFF;
        if (c >= tempc) {
            c -= 0x8000;
        }
        c <<= ct;
        byteOut();
        c <<= ct;
        byteOut();
        int length = bp;
        if ((buf[bp] & 0xFF) == 0xFF) {
            length--;
        }
        out.write(buf, 1, length);
    }
}
