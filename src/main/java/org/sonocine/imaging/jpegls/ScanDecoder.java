package org.sonocine.imaging.jpegls;

import java.util.Arrays;

import org.sonocine.imaging.codec.DecodeException;

/**
 * Decodes the entropy-coded data of one scan (the inverse of T.87 Annexes A and B): context modelling,
 * prediction, Golomb-coded errors in regular mode, run mode, and restart intervals. Lines are kept in int
 * buffers with one extra sample at each end, so the neighbours of edge samples need no special cases.
 */
final class ScanDecoder {
    /** Run-length order for each RUNindex (T.87 A.2.1, J[]). */
    private static final int[] J = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 9,
        10, 11, 12, 13, 14, 15};

    private final BitReader bits;
    private final ContextModel model;
    private final int width;
    private final int maxVal;
    private final int near;
    /** 2 NEAR + 1. */
    private final int step;
    /** RANGE (2 NEAR + 1): what reconstruction adds or removes to undo the modulo reduction. */
    private final int wrap;
    private final int qbpp;
    private final int limit;
    /** Prefix length of the escape code in regular mode: LIMIT - qbpp - 1. */
    private final int escape;
    /** Lossless with MAXVAL = 2^n - 1: reconstruction modulo RANGE is a mask. */
    private final boolean masks;
    /** Gradient quantization (T.87 A.3.3) of every difference in [-MAXVAL, MAXVAL], at index difference + MAXVAL. */
    private final byte[] quantizer;
    /** The contexts of the components of one pixel, in pixel-interleaved scans. */
    private final int[] pixelContexts;
    private int runIndex;

    ScanDecoder(BitReader bits, CodingParameters parameters, int width, int samplesPerPixel) {
        this.bits = bits;
        this.model = new ContextModel(parameters);
        this.width = width;
        this.maxVal = parameters.maxVal();
        this.near = parameters.near();
        this.step = 2 * near + 1;
        this.wrap = parameters.range() * step;
        this.qbpp = parameters.qbpp();
        this.limit = parameters.limit();
        this.escape = limit - qbpp - 1;
        this.masks = near == 0 && (maxVal & (maxVal + 1)) == 0;
        this.quantizer = quantizer(parameters);
        this.pixelContexts = new int[samplesPerPixel];
    }

    private static byte[] quantizer(CodingParameters p) {
        int max = p.maxVal();
        byte[] table = new byte[2 * max + 1];
        for (int d = -max; d <= max; d++) {
            int q;
            if (d <= -p.t3()) {
                q = -4;
            } else if (d <= -p.t2()) {
                q = -3;
            } else if (d <= -p.t1()) {
                q = -2;
            } else if (d < -p.near()) {
                q = -1;
            } else if (d <= p.near()) {
                q = 0;
            } else if (d < p.t1()) {
                q = 1;
            } else if (d < p.t2()) {
                q = 2;
            } else if (d < p.t3()) {
                q = 3;
            } else {
                q = 4;
            }
            table[d + max] = (byte) q;
        }
        return table;
    }

    /**
     * Decodes a scan whose data starts at {@code start} into {@code image}, and returns where the marker after
     * it starts. {@code restartInterval} is in lines (0: none).
     */
    int decode(ImageBuffer image, ScanHeader scan, int height, int restartInterval, int start)
            throws DecodeException {
        bits.start(start);
        int y = 0;
        try {
            int interval = restartInterval == 0 ? height : restartInterval;
            boolean pixelInterleaved = scan.interleave() == InterleaveMode.SAMPLE && scan.components().length > 1;
            LineState state = pixelInterleaved ? new LineState(1, scan.components().length, width)
                    : new LineState(scan.components().length, 1, width);
            for (; y < height; y++) {
                if (y > 0 && y % interval == 0) {
                    bits.restart(y / interval - 1);
                    model.reset();
                    state.reset();
                }
                if (pixelInterleaved) {
                    decodePixelLine(state, y);
                    image.storePixelLine(y, scan.components(), state.current(0, y), state.samplesPerPixel);
                } else {
                    for (int j = 0; j < state.lines; j++) {
                        runIndex = state.runIndex[j];
                        decodeLine(state.previous(j, y), state.current(j, y));
                        state.runIndex[j] = runIndex;
                        image.storeLine(y, scan.components()[j], state.current(j, y), 1);
                    }
                }
            }
            bits.requireNotOverrun();
        } catch (DecodeException e) {
            throw new DecodeException(e.getMessage() + ", in line " + (y + 1) + " of " + height, e);
        }
        return bits.segmentEnd();
    }

    /**
     * The two most recent lines of each component of the scan (or of the pixel-interleaved whole), each with
     * one border sample at either end, and each component's RUNindex.
     */
    private static final class LineState {
        final int lines;
        final int samplesPerPixel;
        final int[][] buffers;
        final int[] runIndex;

        LineState(int lines, int samplesPerPixel, int width) {
            this.lines = lines;
            this.samplesPerPixel = samplesPerPixel;
            this.buffers = new int[2 * lines][(width + 2) * samplesPerPixel];
            this.runIndex = new int[lines];
        }

        int[] current(int j, int y) {
            return buffers[2 * j + (y & 1)];
        }

        int[] previous(int j, int y) {
            return buffers[2 * j + ((y + 1) & 1)];
        }

        /** After a restart marker the decoder starts afresh: the line above the first is zero again. */
        void reset() {
            for (int[] buffer : buffers) {
                Arrays.fill(buffer, 0);
            }
            Arrays.fill(runIndex, 0);
        }
    }

    /**
     * Decodes one line of one component into {@code cur[1..width]}: sample by sample (or run by run), except
     * that lossless full-range scans go through {@link #decodeLosslessSamples} wherever it can.
     */
    private void decodeLine(int[] prev, int[] cur) throws DecodeException {
        int w = width;
        // the border: Rd of the last sample repeats the sample above it, Ra of the first is the sample above it
        prev[w + 1] = prev[w];
        cur[0] = prev[1];
        int x = 1;
        while (x <= w) {
            if (masks) {
                x = decodeLosslessSamples(prev, cur, x);
                if (x > w) {
                    return;
                }
            }
            x = decodeSample(prev, cur, x);
        }
    }

    /** Decodes sample {@code x} in regular mode, or the run that starts there; returns the index after it. */
    private int decodeSample(int[] prev, int[] cur, int x) throws DecodeException {
        int ra = cur[x - 1];
        int rb = prev[x];
        int rc = prev[x - 1];
        int offset = maxVal;
        int context = quantizer[offset + prev[x + 1] - rb] * 81 + quantizer[offset + rb - rc] * 9
                + quantizer[offset + rc - ra];
        if (context == 0) {
            return decodeRun(prev, cur, x, ra);
        }
        cur[x] = decodeRegular(context, ra, rb, rc);
        return x + 1;
    }

    /**
     * Decodes samples from {@code x} on in regular mode, for lossless scans whose MAXVAL is 2^n - 1 (nearly every
     * JPEG-LS image in practice), and returns the index of the first sample it leaves to
     * {@link #decodeSample}: one in run mode, one whose Golomb code the bit cache does not hold whole, one that
     * needs a refill near a 0xFF byte, or width + 1.
     *
     * <p>This is the loop that runs once per sample, so it is written for the JIT: everything in it is inline,
     * everything rare happens outside so its code does not crowd the registers, the bit cache and the neighbours
     * of the current sample live in locals, and the cache is refilled eight bytes at a time without a branch.
     */
    private int decodeLosslessSamples(int[] prev, int[] cur, int x) {
        int w = width;
        byte[] quantizer = this.quantizer;
        int[] stats = model.regular;
        int max = maxVal;
        int escape = this.escape;
        BitReader bits = this.bits;
        byte[] data = bits.data;
        long cache = bits.cache;
        int count = bits.count;
        int pos = bits.pos;
        int nextFF = bits.nextFF;
        int ra = cur[x - 1];
        int rb = prev[x];
        int rc = prev[x - 1];
        // Q2 of a sample is Q1 of the one before: both quantize the same difference in the line above
        int q2 = quantizer[max + rb - rc];
        while (x <= w) {
            int rd = prev[x + 1];
            int q1 = quantizer[max + rd - rb];
            int context = q1 * 81 + q2 * 9 + quantizer[max + rc - ra];
            if (context == 0) {
                break;
            }
            if (count < 32) {
                if (pos + 8 > nextFF) {
                    break;
                }
                // no 0xFF among the next eight bytes: top the cache up to 56..63 bits (the part of a byte beyond
                // count is the same bits the next refill puts there)
                cache |= (long) BitReader.BIG_ENDIAN_LONG.get(data, pos) >>> count;
                pos += (63 - count) >>> 3;
                count |= 56;
            }
            int sign = context >> 31;
            int at = ((context ^ sign) - sign) << ContextModel.SHIFT;
            int k = stats[at + ContextModel.K];
            // the Golomb code (A.5.3): q zeros, a one, k bits
            int zeros = Long.numberOfLeadingZeros(cache);
            int length = zeros + 1 + k;
            if (zeros >= escape || length > count) {
                break;
            }
            long rest = cache << zeros;
            cache = rest << 1 << k;
            count -= length;
            int mapped = ((zeros - 1) << k) + (int) (rest >>> (63 - k));
            // even values code errors >= 0, odd ones errors < 0; swapped when the context is biased (A.5.2)
            int error = (mapped >>> 1) ^ -(mapped & 1);
            if (k == 0 && 2 * stats[at + ContextModel.B] + stats[at + ContextModel.N] - 1 < 0) {
                error = ~error;
            }
            int correction = stats[at + ContextModel.C];
            int predicted = Math.max(0, Math.min(max, predict(ra, rb, rc) + ((correction ^ sign) - sign)));
            model.updateRegular(at, error);
            int value = (predicted + ((error ^ sign) - sign)) & max;
            cur[x++] = value;
            q2 = q1;
            ra = value;
            rc = rb;
            rb = rd;
        }
        bits.cache = cache;
        bits.count = count;
        bits.pos = pos;
        return x;
    }

    /** One sample in regular mode (T.87 A.3 to A.6, inverted), given its context. */
    private int decodeRegular(int context, int ra, int rb, int rc) throws DecodeException {
        int[] stats = model.regular;
        int sign = context >> 31;
        int at = ((context ^ sign) - sign) << ContextModel.SHIFT;
        int correction = stats[at + ContextModel.C];
        int predicted = Math.max(0, Math.min(maxVal, predict(ra, rb, rc) + ((correction ^ sign) - sign)));
        int k = stats[at + ContextModel.K];
        int mapped = bits.readGolomb(k, escape, qbpp);
        int error = (mapped >>> 1) ^ -(mapped & 1);
        if (k == 0 && near == 0 && 2 * stats[at + ContextModel.B] + stats[at + ContextModel.N] - 1 < 0) {
            error = ~error;
        }
        model.updateRegular(at, error);
        return reconstruct(predicted, (error ^ sign) - sign);
    }

    /** The median edge detector (T.87 A.4.1): the median of Ra, Rb and Ra + Rb - Rc, without branches. */
    private static int predict(int ra, int rb, int rc) {
        return Math.max(Math.min(ra, rb), Math.min(Math.max(ra, rb), ra + rb - rc));
    }

    /** The sample from its prediction and (quantized) error, undoing the modulo reduction (T.87 A.4). */
    private int reconstruct(int predicted, int error) {
        if (masks) {
            return (predicted + error) & maxVal;
        }
        int value = predicted + error * step;
        if (value < -near) {
            value += wrap;
        } else if (value > maxVal + near) {
            value -= wrap;
        }
        return value < 0 ? 0 : Math.min(value, maxVal);
    }

    /**
     * Run mode from sample {@code x} (T.87 A.7): a run of samples equal to Ra, ended by the end of the line or
     * by a run-interruption sample. Returns the index after the last sample decoded.
     */
    private int decodeRun(int[] prev, int[] cur, int x, int ra) throws DecodeException {
        int run = runLength(width - x + 1);
        Arrays.fill(cur, x, x + run, ra);
        int end = x + run;
        if (end > width) {
            return end;
        }
        int rb = prev[end];
        if (Math.abs(ra - rb) <= near) {
            cur[end] = reconstruct(ra, interruptionError(1));
        } else {
            int error = interruptionError(0);
            cur[end] = reconstruct(rb, ra > rb ? -error : error);
        }
        if (runIndex > 0) {
            runIndex--;
        }
        return end + 1;
    }

    /** The length of a run, at most {@code remaining} (T.87 A.7.1, inverted). */
    private int runLength(int remaining) throws DecodeException {
        int run = 0;
        while (bits.readBit()) {
            int segment = 1 << J[runIndex];
            int length = Math.min(segment, remaining - run);
            run += length;
            if (length == segment && runIndex < J.length - 1) {
                runIndex++;
            }
            if (run == remaining) {
                return run;
            }
        }
        run += bits.readBits(J[runIndex]);
        if (run > remaining) {
            throw bits.corrupt("a run of " + run + " samples overruns the " + remaining + " left in the line");
        }
        return run;
    }

    /** The error of a run-interruption sample of RItype {@code type} (T.87 A.7.2, inverted). */
    private int interruptionError(int type) throws DecodeException {
        int k = model.runInterruptionK(type);
        int mapped = bits.readGolomb(k, limit - J[runIndex] - 1 - qbpp - 1, qbpp);
        return model.runInterruptionError(type, k, mapped);
    }

    /**
     * Decodes one line of a pixel-interleaved scan (ILV 2): each pixel's components in turn, sharing the
     * contexts; run mode when every component is flat, with the interruption pixel's components all coded as
     * RItype 0 (predicted from Rb), as CharLS codes them.
     */
    private void decodePixelLine(LineState state, int y) throws DecodeException {
        int[] prev = state.previous(0, y);
        int[] cur = state.current(0, y);
        int s = state.samplesPerPixel;
        int w = width;
        runIndex = state.runIndex[0];
        for (int j = 0; j < s; j++) {
            prev[(w + 1) * s + j] = prev[w * s + j];
            cur[j] = prev[s + j];
        }
        int x = 1;
        while (x <= w) {
            if (masks) {
                x = decodeLosslessPixels(prev, cur, x, s);
                if (x > w) {
                    break;
                }
            }
            x = decodePixel(prev, cur, x, s);
        }
        state.runIndex[0] = runIndex;
    }

    /** Decodes pixel {@code x} in regular mode, or the run that starts there; returns the index after it. */
    private int decodePixel(int[] prev, int[] cur, int x, int s) throws DecodeException {
        int p = x * s;
        int offset = maxVal;
        int[] contexts = pixelContexts;
        boolean flat = true;
        for (int j = 0; j < s; j++) {
            int ra = cur[p - s + j];
            int rb = prev[p + j];
            int rc = prev[p - s + j];
            int context = quantizer[offset + prev[p + s + j] - rb] * 81 + quantizer[offset + rb - rc] * 9
                    + quantizer[offset + rc - ra];
            contexts[j] = context;
            flat &= context == 0;
        }
        if (flat) {
            return decodePixelRun(prev, cur, x, s);
        }
        for (int j = 0; j < s; j++) {
            cur[p + j] = decodeRegular(contexts[j], cur[p - s + j], prev[p + j], prev[p - s + j]);
        }
        return x + 1;
    }

    /**
     * {@link #decodeLosslessSamples} for pixel-interleaved scans: decodes pixels from {@code x} on until one is
     * in run mode or the line ends, and returns its index. Codes the bit cache does not hold whole go through
     * the reader, since a pixel cannot be handed over half decoded.
     */
    private int decodeLosslessPixels(int[] prev, int[] cur, int x, int s) throws DecodeException {
        int w = width;
        byte[] quantizer = this.quantizer;
        int[] stats = model.regular;
        int[] contexts = pixelContexts;
        int max = maxVal;
        int escape = this.escape;
        BitReader bits = this.bits;
        byte[] data = bits.data;
        long cache = bits.cache;
        int count = bits.count;
        int pos = bits.pos;
        int nextFF = bits.nextFF;
        while (x <= w) {
            int p = x * s;
            boolean flat = true;
            for (int j = 0; j < s; j++) {
                int ra = cur[p - s + j];
                int rb = prev[p + j];
                int rc = prev[p - s + j];
                int context = quantizer[max + prev[p + s + j] - rb] * 81 + quantizer[max + rb - rc] * 9
                        + quantizer[max + rc - ra];
                contexts[j] = context;
                flat &= context == 0;
            }
            if (flat) {
                break;
            }
            for (int j = 0; j < s; j++) {
                int context = contexts[j];
                int sign = context >> 31;
                int at = ((context ^ sign) - sign) << ContextModel.SHIFT;
                int k = stats[at + ContextModel.K];
                if (count < 32 && pos + 8 <= nextFF) {
                    cache |= (long) BitReader.BIG_ENDIAN_LONG.get(data, pos) >>> count;
                    pos += (63 - count) >>> 3;
                    count |= 56;
                }
                int zeros = Long.numberOfLeadingZeros(cache);
                int length = zeros + 1 + k;
                int mapped;
                if (zeros < escape && length <= count) {
                    long rest = cache << zeros;
                    cache = rest << 1 << k;
                    count -= length;
                    mapped = ((zeros - 1) << k) + (int) (rest >>> (63 - k));
                } else {
                    bits.cache = cache;
                    bits.count = count;
                    bits.pos = pos;
                    mapped = bits.readGolomb(k, escape, qbpp);
                    cache = bits.cache;
                    count = bits.count;
                    pos = bits.pos;
                    nextFF = bits.nextFF;
                }
                int error = (mapped >>> 1) ^ -(mapped & 1);
                if (k == 0 && 2 * stats[at + ContextModel.B] + stats[at + ContextModel.N] - 1 < 0) {
                    error = ~error;
                }
                int ra = cur[p - s + j];
                int rb = prev[p + j];
                int rc = prev[p - s + j];
                int correction = stats[at + ContextModel.C];
                int predicted = Math.max(0, Math.min(max, predict(ra, rb, rc) + ((correction ^ sign) - sign)));
                model.updateRegular(at, error);
                cur[p + j] = (predicted + ((error ^ sign) - sign)) & max;
            }
            x++;
        }
        bits.cache = cache;
        bits.count = count;
        bits.pos = pos;
        return x;
    }

    /** Run mode over whole pixels of {@code s} samples; returns the index after the last pixel decoded. */
    private int decodePixelRun(int[] prev, int[] cur, int x, int s) throws DecodeException {
        int run = runLength(width - x + 1);
        int from = (x - 1) * s;
        for (int i = 0; i < run * s; i++) {
            cur[from + s + i] = cur[from + i];
        }
        int end = x + run;
        if (end > width) {
            return end;
        }
        int p = end * s;
        for (int j = 0; j < s; j++) {
            int ra = cur[p - s + j];
            int rb = prev[p + j];
            int error = interruptionError(0);
            cur[p + j] = reconstruct(rb, ra > rb ? -error : error);
        }
        if (runIndex > 0) {
            runIndex--;
        }
        return end + 1;
    }
}
