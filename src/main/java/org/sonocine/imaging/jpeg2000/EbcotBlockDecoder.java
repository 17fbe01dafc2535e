package org.sonocine.imaging.jpeg2000;

import java.util.Arrays;
import org.sonocine.imaging.codec.DecodeException;

/**
 * The EBCOT code-block decoder of ISO/IEC 15444-1 Annex D: significance propagation, magnitude refinement and
 * cleanup passes over stripes of four rows, with every code-block style of Table A.19.
 *
 * <p>Each sample's state is one int of a flat array with a one-sample border: its own significance, sign,
 * refinement and "coded in this bit-plane" bits, plus the significance of its eight neighbours and the signs of
 * its four direct ones, kept up to date when a sample turns significant. The contexts of Tables D.1 to D.4 are
 * then one table lookup. With vertically causal contexts a sample on the first row of a stripe does not tell the
 * stripe above that it is significant, which is exactly "the next stripe counts as insignificant".
 *
 * <p>Magnitudes are kept with one fractional bit, at the midpoint of what is known (Annex E.1.1.2 with r = ½):
 * 3·2^p when a sample turns significant in bit-plane p, then ±2^q for each refinement bit of bit-plane q.
 */
public final class EbcotBlockDecoder implements BlockDecoder {
    // neighbour significance (a sample's view of its eight neighbours)
    private static final int SIG_NW = 1;
    private static final int SIG_N = 1 << 1;
    private static final int SIG_NE = 1 << 2;
    private static final int SIG_W = 1 << 3;
    private static final int SIG_E = 1 << 4;
    private static final int SIG_SW = 1 << 5;
    private static final int SIG_S = 1 << 6;
    private static final int SIG_SE = 1 << 7;
    private static final int NEIGHBOURS = 0xFF;
    // sign (negative) of the four direct neighbours, shifted from a 0/1 sign
    private static final int NEG_N_SHIFT = 8;
    private static final int NEG_S_SHIFT = 9;
    private static final int NEG_W_SHIFT = 10;
    private static final int NEG_E_SHIFT = 11;
    private static final int SIGN_CONTEXT_BITS = 0xFFF;
    // the sample's own state
    private static final int SIG_SHIFT = 12;
    private static final int SIG = 1 << SIG_SHIFT;
    private static final int REFINED_SHIFT = 13;
    private static final int REFINED = 1 << REFINED_SHIFT;
    private static final int VISITED_SHIFT = 14;
    private static final int VISITED = 1 << VISITED_SHIFT;
    private static final int NEG_SHIFT = 15;
    private static final int NEG = 1 << NEG_SHIFT;

    private static final int CX_MR_FIRST_ISOLATED = 14;
    private static final int CX_MR_FIRST = 15;
    private static final int CX_MR_LATER = 16;
    private static final int CX_RUN = 17;
    private static final int CX_UNIFORM = 18;
    private static final int CONTEXTS = 19;
    /** Magnitude-refinement context by (refined before) · 2 + (any neighbour significant) (Table D.4). */
    private static final int[] REFINEMENT_CONTEXT = {CX_MR_FIRST_ISOLATED, CX_MR_FIRST, CX_MR_LATER, CX_MR_LATER};

    /** Passes coded before selective bypass starts: the first cleanup pass and three whole bit-planes. */
    private static final int PASSES_BEFORE_BYPASS = 10;
    private static final int MAX_BIT_PLANES = 30;

    private static final int PASS_SIGNIFICANCE = 0;
    private static final int PASS_REFINEMENT = 1;
    private static final int PASS_CLEANUP = 2;

    /** Zero-coding context by band and neighbour significance (Table D.1). */
    private static final byte[][] ZERO_CODING = new byte[4][256];
    /** Sign-coding context times two plus the XOR bit, by neighbour significance and sign (Table D.3). */
    private static final byte[] SIGN_CODING = new byte[SIGN_CONTEXT_BITS + 1];

    static {
        for (int n = 0; n < 256; n++) {
            int h = bit(n, SIG_W) + bit(n, SIG_E);
            int v = bit(n, SIG_N) + bit(n, SIG_S);
            int d = bit(n, SIG_NW) + bit(n, SIG_NE) + bit(n, SIG_SW) + bit(n, SIG_SE);
            ZERO_CODING[CodeBlock.Band.LL.ordinal()][n] = (byte) zeroCodingLowHigh(h, v, d);
            ZERO_CODING[CodeBlock.Band.LH.ordinal()][n] = (byte) zeroCodingLowHigh(h, v, d);
            ZERO_CODING[CodeBlock.Band.HL.ordinal()][n] = (byte) zeroCodingLowHigh(v, h, d);
            ZERO_CODING[CodeBlock.Band.HH.ordinal()][n] = (byte) zeroCodingHighHigh(h + v, d);
        }
        for (int n = 0; n <= SIGN_CONTEXT_BITS; n++) {
            int h = contribution(n, SIG_W, NEG_W_SHIFT) + contribution(n, SIG_E, NEG_E_SHIFT);
            int v = contribution(n, SIG_N, NEG_N_SHIFT) + contribution(n, SIG_S, NEG_S_SHIFT);
            h = Integer.signum(h);
            v = Integer.signum(v);
            int flip = 0;
            if (h < 0 || (h == 0 && v < 0)) {
                h = -h;
                v = -v;
                flip = 1;
            }
            int context = h == 0 ? 9 + v : 12 + v;
            SIGN_CODING[n] = (byte) (context << 1 | flip);
        }
    }

    private static int bit(int n, int mask) {
        return (n & mask) != 0 ? 1 : 0;
    }

    private static int contribution(int n, int sigMask, int negShift) {
        if ((n & sigMask) == 0) {
            return 0;
        }
        return ((n >> negShift) & 1) != 0 ? -1 : 1;
    }

    /** Table D.1 for LL and LH; HL is the same with h and v swapped. */
    private static int zeroCodingLowHigh(int h, int v, int d) {
        if (h == 2) {
            return 8;
        }
        if (h == 1) {
            return v > 0 ? 7 : d > 0 ? 6 : 5;
        }
        if (v > 0) {
            return v == 2 ? 4 : 3;
        }
        return d >= 2 ? 2 : d;
    }

    private static int zeroCodingHighHigh(int hv, int d) {
        if (d >= 3) {
            return 8;
        }
        if (d == 2) {
            return hv > 0 ? 7 : 6;
        }
        if (d == 1) {
            return hv >= 2 ? 5 : 3 + hv;
        }
        return hv >= 2 ? 2 : hv;
    }

    private final MqDecoder mq = new MqDecoder(CONTEXTS);
    private final RawBitReader raw = new RawBitReader();
    private int[] flags = new int[0];
    private int[] magnitudes = new int[0];
    private int width;
    private int height;
    private int flagStride;
    private boolean causal;
    private byte[] zeroCoding;
    private int segmentationMismatches;

    /** Cleanup passes so far whose segmentation symbol was not 1010: a sign of corrupt data that was decoded anyway. */
    public int segmentationMismatches() {
        return segmentationMismatches;
    }

    @Override
    public void decode(CodeBlock block, int[] out, int offset, int stride) throws DecodeException {
        width = block.width();
        height = block.height();
        if (width < 1 || height < 1 || width > 1024 || height > 1024 || width * height > 4096) {
            throw new DecodeException("Code-block of " + width + " x " + height + " samples is outside the standard's limits");
        }
        int plane = block.magnitudeBits() - 1 - block.zeroBitPlanes();
        if (plane >= MAX_BIT_PLANES) {
            throw new DecodeException("Code-block with " + (plane + 1) + " bit-planes is more than this decoder supports");
        }
        checkSegments(block);
        flagStride = width + 2;
        int cells = flagStride * (height + 2);
        if (flags.length < cells) {
            flags = new int[cells];
            magnitudes = new int[cells];
        } else {
            Arrays.fill(flags, 0, cells, 0);
        }
        int style = block.style();
        causal = (style & CodeBlock.VERTICALLY_CAUSAL) != 0;
        boolean bypass = (style & CodeBlock.BYPASS) != 0;
        boolean reset = (style & CodeBlock.RESET) != 0;
        boolean segmentationSymbols = (style & CodeBlock.SEGMENTATION_SYMBOLS) != 0;
        zeroCoding = ZERO_CODING[block.band().ordinal()];
        resetContexts();

        byte[] data = block.data();
        int[] segmentLengths = block.segmentLengths();
        int[] segmentPasses = block.segmentPasses();
        int segment = -1;
        int segmentEnd = 0;
        int passesLeft = 0;
        boolean segmentRaw = false;
        int kind = PASS_CLEANUP;
        for (int pass = 0; pass < block.passes() && plane >= 0; pass++) {
            boolean rawPass = bypass && pass >= PASSES_BEFORE_BYPASS && kind != PASS_CLEANUP;
            if (passesLeft == 0) {
                segment++;
                int segmentStart = segmentEnd;
                segmentEnd += segmentLengths[segment];
                passesLeft = segmentPasses[segment];
                segmentRaw = rawPass;
                if (rawPass) {
                    raw.start(data, segmentStart, segmentEnd);
                } else {
                    mq.start(data, segmentStart, segmentEnd);
                }
            } else if (rawPass != segmentRaw) {
                throw new DecodeException("Codeword segment " + segment + " mixes raw and arithmetic-coded passes");
            }
            switch (kind) {
                case PASS_SIGNIFICANCE:
                    if (rawPass) {
                        significanceRaw(plane);
                    } else {
                        significance(plane);
                    }
                    kind = PASS_REFINEMENT;
                    break;
                case PASS_REFINEMENT:
                    if (rawPass) {
                        refinementRaw(plane);
                    } else {
                        refinement(plane);
                    }
                    kind = PASS_CLEANUP;
                    break;
                default:
                    cleanup(plane);
                    if (segmentationSymbols) {
                        int symbol = mq.decode(CX_UNIFORM) << 3 | mq.decode(CX_UNIFORM) << 2
                                | mq.decode(CX_UNIFORM) << 1 | mq.decode(CX_UNIFORM);
                        if (symbol != 0xA) {
                            segmentationMismatches++;
                        }
                    }
                    kind = PASS_SIGNIFICANCE;
                    plane--;
                    break;
            }
            passesLeft--;
            if (reset) {
                resetContexts();
            }
        }
        write(out, offset, stride);
    }

    private static void checkSegments(CodeBlock block) throws DecodeException {
        int[] lengths = block.segmentLengths();
        int[] passes = block.segmentPasses();
        if (lengths.length != passes.length) {
            throw new DecodeException("Code-block has " + lengths.length + " segment lengths but " + passes.length
                    + " segment pass counts");
        }
        long bytes = 0;
        long total = 0;
        for (int s = 0; s < lengths.length; s++) {
            if (lengths[s] < 0 || passes[s] < 1) {
                throw new DecodeException("Code-block segment " + s + " has " + lengths[s] + " bytes and "
                        + passes[s] + " passes");
            }
            bytes += lengths[s];
            total += passes[s];
        }
        if (bytes > block.data().length) {
            throw new DecodeException("Code-block segments need " + bytes + " bytes but " + block.data().length
                    + " are there");
        }
        if (total < block.passes()) {
            throw new DecodeException("Code-block has " + block.passes() + " coding passes but its segments hold "
                    + total);
        }
    }

    private void resetContexts() {
        for (int cx = 1; cx < CONTEXTS; cx++) {
            mq.reset(cx, 0);
        }
        mq.reset(0, 4);
        mq.reset(CX_RUN, 3);
        mq.reset(CX_UNIFORM, 46);
    }

    private void becomeSignificant(int i, boolean firstRowOfStripe, int negative, int magnitude) {
        int[] f = flags;
        int w = flagStride;
        f[i] |= SIG | negative << NEG_SHIFT;
        magnitudes[i] = magnitude;
        if (!(causal && firstRowOfStripe)) {
            f[i - w - 1] |= SIG_SE;
            f[i - w] |= SIG_S | negative << NEG_S_SHIFT;
            f[i - w + 1] |= SIG_SW;
        }
        f[i - 1] |= SIG_E | negative << NEG_E_SHIFT;
        f[i + 1] |= SIG_W | negative << NEG_W_SHIFT;
        f[i + w - 1] |= SIG_NE;
        f[i + w] |= SIG_N | negative << NEG_N_SHIFT;
        f[i + w + 1] |= SIG_NW;
    }

    /** A whole column of a stripe the significance pass leaves alone: all four significant, or none near any. */
    private static boolean nothingToPropagate(int f0, int f1, int f2, int f3) {
        return ((f0 & f1 & f2 & f3) & SIG) != 0 || ((f0 | f1 | f2 | f3) & NEIGHBOURS) == 0;
    }

    private int decodeSign(int state) {
        int sc = SIGN_CODING[state & SIGN_CONTEXT_BITS];
        return mq.decode(sc >> 1) ^ (sc & 1);
    }

    private void significance(int plane) {
        int[] f = flags;
        int w = flagStride;
        int magnitude = 3 << plane;
        for (int y0 = 0; y0 < height; y0 += 4) {
            int rows = Math.min(4, height - y0);
            int rowStart = (y0 + 1) * w + 1;
            for (int x = 0; x < width; x++) {
                int i = rowStart + x;
                if (rows == 4 && nothingToPropagate(f[i], f[i + w], f[i + 2 * w], f[i + 3 * w])) {
                    continue;
                }
                for (int k = 0; k < rows; k++, i += w) {
                    int state = f[i];
                    if ((state & SIG) == 0 && (state & NEIGHBOURS) != 0) {
                        if (mq.decode(zeroCoding[state & NEIGHBOURS]) != 0) {
                            becomeSignificant(i, k == 0, decodeSign(state), magnitude);
                        }
                        f[i] |= VISITED;
                    }
                }
            }
        }
    }

    private void significanceRaw(int plane) {
        int[] f = flags;
        int w = flagStride;
        int magnitude = 3 << plane;
        for (int y0 = 0; y0 < height; y0 += 4) {
            int rows = Math.min(4, height - y0);
            int rowStart = (y0 + 1) * w + 1;
            for (int x = 0; x < width; x++) {
                int i = rowStart + x;
                if (rows == 4 && nothingToPropagate(f[i], f[i + w], f[i + 2 * w], f[i + 3 * w])) {
                    continue;
                }
                for (int k = 0; k < rows; k++, i += w) {
                    int state = f[i];
                    if ((state & SIG) == 0 && (state & NEIGHBOURS) != 0) {
                        if (raw.read() != 0) {
                            becomeSignificant(i, k == 0, raw.read(), magnitude);
                        }
                        f[i] |= VISITED;
                    }
                }
            }
        }
    }

    private void refinement(int plane) {
        int[] f = flags;
        int[] m = magnitudes;
        int w = flagStride;
        int half = 1 << plane;
        for (int y0 = 0; y0 < height; y0 += 4) {
            int rows = Math.min(4, height - y0);
            int rowStart = (y0 + 1) * w + 1;
            for (int x = 0; x < width; x++) {
                int i = rowStart + x;
                // the rows of this column to refine, as bits: a loop over them mispredicts once per column,
                // where a test per sample mispredicts wherever refined and unrefined samples alternate
                int todo = toRefine(f[i]);
                if (rows == 4) {
                    todo |= toRefine(f[i + w]) << 1 | toRefine(f[i + 2 * w]) << 2 | toRefine(f[i + 3 * w]) << 3;
                } else {
                    for (int k = 1; k < rows; k++) {
                        todo |= toRefine(f[i + k * w]) << k;
                    }
                }
                while (todo != 0) {
                    int j = i + Integer.numberOfTrailingZeros(todo) * w;
                    todo &= todo - 1;
                    int state = f[j];
                    int context = REFINEMENT_CONTEXT[(state >> REFINED_SHIFT & 1) << 1 | (-(state & NEIGHBOURS) >>> 31)];
                    m[j] += (mq.decode(context) << (plane + 1)) - half;
                    f[j] = state | REFINED;
                }
            }
        }
    }

    /** 1 if the sample is significant and was not coded in this bit-plane's significance pass. */
    private static int toRefine(int state) {
        return (state >> SIG_SHIFT) & ~(state >> VISITED_SHIFT) & 1;
    }

    private void refinementRaw(int plane) {
        int[] f = flags;
        int[] m = magnitudes;
        int w = flagStride;
        int half = 1 << plane;
        for (int y0 = 0; y0 < height; y0 += 4) {
            int rows = Math.min(4, height - y0);
            int rowStart = (y0 + 1) * w + 1;
            for (int x = 0; x < width; x++) {
                int i = rowStart + x;
                if (rows == 4 && ((f[i] | f[i + w] | f[i + 2 * w] | f[i + 3 * w]) & SIG) == 0) {
                    continue;
                }
                for (int k = 0; k < rows; k++, i += w) {
                    int state = f[i];
                    if ((state & (SIG | VISITED)) == SIG) {
                        m[i] += raw.read() != 0 ? half : -half;
                        f[i] = state | REFINED;
                    }
                }
            }
        }
    }

    private void cleanup(int plane) {
        int[] f = flags;
        int w = flagStride;
        int magnitude = 3 << plane;
        for (int y0 = 0; y0 < height; y0 += 4) {
            int rows = Math.min(4, height - y0);
            int rowStart = (y0 + 1) * w + 1;
            for (int x = 0; x < width; x++) {
                int i = rowStart + x;
                int k = 0;
                if (rows == 4) {
                    int f0 = f[i];
                    int f1 = f[i + w];
                    int f2 = f[i + 2 * w];
                    int f3 = f[i + 3 * w];
                    int any = f0 | f1 | f2 | f3;
                    if ((f0 & f1 & f2 & f3 & SIG) != 0 && (any & VISITED) == 0) {
                        continue; // all four significant already: nothing to code, nothing to clear
                    }
                    if ((any & (SIG | VISITED | NEIGHBOURS)) == 0) {
                        // run-length mode: one decision says whether any of the four turns significant
                        if (mq.decodeMostlyMps(CX_RUN) == 0) {
                            continue;
                        }
                        k = mq.decode(CX_UNIFORM) << 1;
                        k |= mq.decode(CX_UNIFORM);
                        i += k * w;
                        becomeSignificant(i, k == 0, decodeSign(f[i]), magnitude);
                        k++;
                        i += w;
                    }
                }
                for (; k < rows; k++, i += w) {
                    int state = f[i];
                    if ((state & (SIG | VISITED)) == 0 && mq.decode(zeroCoding[state & NEIGHBOURS]) != 0) {
                        becomeSignificant(i, k == 0, decodeSign(state), magnitude);
                    }
                    f[i] &= ~VISITED;
                }
            }
        }
    }

    private void write(int[] out, int offset, int stride) {
        int[] f = flags;
        int[] m = magnitudes;
        int w = flagStride;
        for (int y = 0; y < height; y++) {
            int i = (y + 1) * w + 1;
            int o = offset + y * stride;
            for (int x = 0; x < width; x++, i++) {
                int state = f[i];
                out[o + x] = (state & SIG) == 0 ? 0 : (state & NEG) != 0 ? -m[i] : m[i];
            }
        }
    }
}
