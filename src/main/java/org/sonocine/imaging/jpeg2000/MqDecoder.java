package org.sonocine.imaging.jpeg2000;

/**
 * The MQ arithmetic decoder of ISO/IEC 15444-1 Annex C, over one codeword segment at a time, with its own context
 * states. Past the segment's end it reads 0xFF bytes, which behave like a marker and feed 1-bits, as the standard's
 * decoder does at a terminating marker; so a segment truncated by a missing layer still decodes, and never beyond
 * its bounds.
 *
 * <p>A context's state is one int: the probability estimate's index (Table C.2) times two plus the MPS, so one
 * table lookup gives the next state on either transition, the MPS switch included; its Qe rides along in the
 * bits above.
 */
final class MqDecoder {
    /** Qe, NMPS, NLPS and SWITCH of Table C.2, by estimate index. */
    private static final int[][] ESTIMATES = {
            {0x5601, 1, 1, 1}, {0x3401, 2, 6, 0}, {0x1801, 3, 9, 0}, {0x0AC1, 4, 12, 0}, {0x0521, 5, 29, 0},
            {0x0221, 38, 33, 0}, {0x5601, 7, 6, 1}, {0x5401, 8, 14, 0}, {0x4801, 9, 14, 0}, {0x3801, 10, 14, 0},
            {0x3001, 11, 17, 0}, {0x2401, 12, 18, 0}, {0x1C01, 13, 20, 0}, {0x1601, 29, 21, 0}, {0x5601, 15, 14, 1},
            {0x5401, 16, 14, 0}, {0x5101, 17, 15, 0}, {0x4801, 18, 16, 0}, {0x3801, 19, 17, 0}, {0x3401, 20, 18, 0},
            {0x3001, 21, 19, 0}, {0x2801, 22, 19, 0}, {0x2401, 23, 20, 0}, {0x2201, 24, 21, 0}, {0x1C01, 25, 22, 0},
            {0x1801, 26, 23, 0}, {0x1601, 27, 24, 0}, {0x1401, 28, 25, 0}, {0x1201, 29, 26, 0}, {0x1101, 30, 27, 0},
            {0x0AC1, 31, 28, 0}, {0x09C1, 32, 29, 0}, {0x08A1, 33, 30, 0}, {0x0521, 34, 31, 0}, {0x0441, 35, 32, 0},
            {0x02A1, 36, 33, 0}, {0x0221, 37, 34, 0}, {0x0141, 38, 35, 0}, {0x0111, 39, 36, 0}, {0x0085, 40, 37, 0},
            {0x0049, 41, 38, 0}, {0x0025, 42, 39, 0}, {0x0015, 43, 40, 0}, {0x0009, 44, 41, 0}, {0x0005, 45, 42, 0},
            {0x0001, 45, 43, 0}, {0x5601, 46, 46, 0}};

    /**
     * By state (index·2 + MPS): the state as the contexts hold it, Qe·2^8 + state, so that the load of a context's
     * state brings its Qe along rather than needing a second, dependent load on every decision.
     */
    private static final int[] PACKED = new int[94];
    /** By state·2 + (1 if the decision was the LPS): the next state, packed. */
    private static final int[] NEXT = new int[188];

    static {
        for (int index = 0; index < ESTIMATES.length; index++) {
            for (int mps = 0; mps < 2; mps++) {
                PACKED[index * 2 + mps] = ESTIMATES[index][0] << 8 | index * 2 + mps;
            }
        }
        for (int index = 0; index < ESTIMATES.length; index++) {
            int[] e = ESTIMATES[index];
            for (int mps = 0; mps < 2; mps++) {
                int state = index * 2 + mps;
                NEXT[state * 2] = PACKED[e[1] * 2 + mps];
                NEXT[state * 2 + 1] = PACKED[e[2] * 2 + (e[3] == 1 ? 1 - mps : mps)];
            }
        }
    }

    /** The contexts' states, packed; the caller initialises them (Table D.7) with {@link #reset}. */
    private final int[] states;

    private byte[] data;
    private int pos;
    /** The byte at {@link #pos}, the last one read into C. */
    private int current;
    private int end;
    private int a;
    /**
     * The code register, scaled by 2^24 against the standard's 32-bit C (C_high is bits 40 to 55), so that up to
     * four bytes can be read ahead and a renormalisation is always one shift.
     */
    private long c;
    /** Bits read ahead: the standard's CT plus the bits of the bytes read early. Kept at 16 or more. */
    private int ct;

    /** A decoder whose contexts all start at estimate 0 with MPS 0. */
    MqDecoder(int contexts) {
        states = new int[contexts];
        java.util.Arrays.fill(states, packed(0));
    }

    /** Sets context {@code cx} to probability estimate {@code index} with MPS 0. */
    void reset(int cx, int index) {
        states[cx] = packed(index);
    }

    /** Probability estimate {@code index} with MPS 0, as a context holds it. */
    static int packed(int index) {
        return PACKED[index * 2];
    }

    /** The Qe of a context's state. */
    static int qe(int packed) {
        return packed >>> 8;
    }

    /** A context's state after an MPS or LPS decision that needed renormalisation. */
    static int next(int packed, boolean lps) {
        return NEXT[((packed & 0xFF) << 1) + (lps ? 1 : 0)];
    }

    /** INITDEC on the segment data[start, end). */
    void start(byte[] bytes, int start, int limit) {
        data = bytes;
        pos = start;
        end = limit;
        current = byteAt(pos);
        c = (long) current << 40;
        ct = 0;
        fill();
        c <<= 7;
        ct -= 7;
        a = 0x8000;
        if (ct < 16) {
            fill();
        }
    }

    private int byteAt(int p) {
        return p < end ? data[p] & 0xFF : 0xFF;
    }

    /**
     * BYTEIN until more than 24 bits are ahead: each byte goes where the standard would add it once the bits before
     * it are shifted out (B·2^8, or B·2^9 after a stuffed 0xFF; a marker or the segment's end feeds 1-bits).
     */
    private void fill() {
        while (ct <= 24) {
            if (current != 0xFF) {
                pos++;
                current = byteAt(pos);
                c += (long) current << (32 - ct);
                ct += 8;
            } else {
                int next = byteAt(pos + 1);
                if (next > 0x8F) {
                    c += 0xFFL << (32 - ct);
                    ct += 8;
                } else {
                    pos++;
                    current = next;
                    c += (long) next << (33 - ct);
                    ct += 7;
                }
            }
        }
    }

    /**
     * DECODE as Annex C draws it, with branches: the faster form for a context whose MPS is nearly always right
     * (the run-length context), where the branches are predictable.
     */
    int decodeMostlyMps(int cx) {
        int packed = states[cx];
        int qe = packed >>> 8;
        int next = (packed & 0xFF) << 1;
        a -= qe;
        long qeHigh = (long) qe << 40;
        int d;
        if (c < qeHigh) {
            // the lower sub-interval: the LPS, unless the conditional exchange gave it to the MPS
            if (a < qe) {
                d = packed & 1;
            } else {
                d = 1 - (packed & 1);
                next++;
            }
            states[cx] = NEXT[next];
            a = qe;
        } else {
            c -= qeHigh;
            if ((a & 0x8000) != 0) {
                return packed & 1;
            }
            if (a < qe) {
                d = 1 - (packed & 1);
                next++;
            } else {
                d = packed & 1;
            }
            states[cx] = NEXT[next];
        }
        // RENORMD in one shift: A is below 2^15 and at least 1, and 16 or more bits are ahead
        int shift = Integer.numberOfLeadingZeros(a) - 16;
        a <<= shift;
        c <<= shift;
        ct -= shift;
        if (ct < 16) {
            fill();
        }
        return d;
    }

    /**
     * DECODE without data-dependent branches: which sub-interval C falls in, the conditional exchange and whether to
     * renormalise are worked out with masks, and the shift is 0 when A needs none. Refinement, sign and most
     * significance decisions are close to even odds, where branches would be mispredicted half the time; this form
     * decodes a lossless frame's code-blocks about a fifth faster.
     */
    int decode(int cx) {
        int packed = states[cx];
        int qe = packed >>> 8;
        int na = a - qe;
        long qeHigh = (long) qe << 40;
        long diff = c - qeHigh;
        int lower = (int) (diff >> 63); // all ones when C is in the lower sub-interval (of size Qe)
        // the lower sub-interval is the LPS's, unless A − Qe < Qe exchanged the two
        int lps = (lower ^ ((na - qe) >> 31)) & 1;
        c = diff + (qeHigh & lower);
        na = (na & ~lower) | (qe & lower);
        int renorm = (na - 0x8000) >> 31; // all ones when A fell below 0x8000: only then the state moves on
        states[cx] = packed + ((NEXT[((packed & 0xFF) << 1) + lps] - packed) & renorm);
        int shift = Integer.numberOfLeadingZeros(na) - 16;
        a = na << shift;
        c <<= shift;
        ct -= shift;
        if (ct < 16) {
            fill();
        }
        return (packed & 1) ^ lps;
    }
}
