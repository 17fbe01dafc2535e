package org.sonocine.imaging.jpeg2000;

import org.sonocine.imaging.codec.DecodeException;

import java.util.Arrays;

/**
 * The High-Throughput block decoder of ISO/IEC 15444-15: one HT set of a code-block, i.e. its cleanup pass and,
 * when present, the SigProp and MagRef passes of the refinement segment.
 *
 * <p>The cleanup segment holds three streams: MagSgn read forwards from its start, MEL read forwards from the
 * start of its suffix, VLC read backwards from its end; the suffix length Scup sits in the segment's last two
 * bytes. Quads (2×2 samples) are decoded in pairs along each quad row: a significance pattern ρ from the CxtVLC
 * code (or a MEL event when no neighbour is significant), then the pair's unsigned residuals u by U-VLC, from which
 * and the exponents of the row above follow the number of MagSgn bits of each significant sample.
 */
public final class HtBlockDecoder implements BlockDecoder {
    /** The largest Scup the standard allows. */
    private static final int MAX_SUFFIX = 4079;

    private final HtMelDecoder mel = new HtMelDecoder();
    private final HtBackwardBits vlc = new HtBackwardBits();
    private final HtForwardBits magSgn = new HtForwardBits();
    private final HtForwardBits sigProp = new HtForwardBits();
    private final HtBackwardBits magRef = new HtBackwardBits();

    /** Coefficients of the block padded to whole quads, row-major. */
    private int[] samples = new int[0];
    /** ρ of each quad of the previous and the current quad row, from index 1 (index 0 and the end stay 0). */
    private int[] rhoAbove = new int[0];
    private int[] rhoHere = new int[0];
    /** For the bottom row of the previous and current quad row, 2(μ−1)+1 of each significant sample, else 0. */
    private int[] exponentsAbove = new int[0];
    private int[] exponentsHere = new int[0];
    /** Significance for the refinement passes, with a border of one: 1 from cleanup, 2 found by SigProp. */
    private byte[] significance = new byte[0];
    /** 2(μ−1)+1 of the sample {@link #sample} decoded last (0 if insignificant), whose bit length is E. */
    private int lastMagnitude;

    @Override
    public void decode(CodeBlock block, int[] out, int offset, int stride) throws DecodeException {
        int width = block.width();
        int height = block.height();
        int[] lengths = block.segmentLengths();
        if (block.passes() == 0 || lengths.length == 0 || lengths[0] == 0) {
            clear(out, offset, stride, width, height);
            return;
        }
        int plane = block.magnitudeBits() - 1 - block.zeroBitPlanes();
        if (block.magnitudeBits() > 30) {
            throw new DecodeException("HT code-block has " + block.magnitudeBits() + " magnitude bit-planes, more "
                    + "than 30");
        }
        if (plane < 0) {
            throw new DecodeException("HT code-block's cleanup pass lies below bit-plane 0");
        }
        int lcup = lengths[0];
        int refinementLength = lengths.length > 1 ? lengths[1] : 0;
        byte[] data = block.data();
        if (lcup < 2 || (long) lcup + refinementLength > data.length) {
            throw new DecodeException("HT cleanup segment of " + lcup + " bytes is too short or runs past the "
                    + "code-block's data");
        }
        int scup = ((data[lcup - 1] & 0xFF) << 4) | (data[lcup - 2] & 0x0F);
        if (scup < 2 || scup > lcup || scup > MAX_SUFFIX) {
            throw new DecodeException("HT cleanup segment gives a MEL/VLC length of " + scup + " bytes, outside 2 to "
                    + Math.min(lcup, MAX_SUFFIX));
        }
        int quadColumns = (width + 1) >> 1;
        int paddedWidth = quadColumns << 1;
        int paddedHeight = (height + 1) & ~1;
        prepare(paddedWidth, paddedHeight, quadColumns);
        cleanup(data, lcup, scup, width, height, plane, block.zeroBitPlanes());
        int passes = block.passes();
        if (passes > 1 && refinementLength > 0 && plane > 0) {
            markCleanupSignificance(width, height, paddedWidth);
            if (passes > 2) {
                magRef.startMagRef(data, lcup, refinementLength);
                magnitudeRefinement(width, height, paddedWidth, plane);
            }
            sigProp.start(data, lcup, refinementLength, 0);
            significancePropagation(width, height, paddedWidth, plane,
                    (block.style() & CodeBlock.VERTICALLY_CAUSAL) != 0);
        }
        for (int y = 0; y < height; y++) {
            System.arraycopy(samples, y * paddedWidth, out, offset + y * stride, width);
        }
    }

    private static void clear(int[] out, int offset, int stride, int width, int height) {
        for (int y = 0; y < height; y++) {
            Arrays.fill(out, offset + y * stride, offset + y * stride + width, 0);
        }
    }

    private void prepare(int paddedWidth, int paddedHeight, int quadColumns) {
        if (samples.length < paddedWidth * paddedHeight) {
            samples = new int[paddedWidth * paddedHeight];
        }
        if (rhoAbove.length < quadColumns + 3) {
            rhoAbove = new int[quadColumns + 3];
            rhoHere = new int[quadColumns + 3];
        }
        if (exponentsAbove.length < paddedWidth + 4) {
            exponentsAbove = new int[paddedWidth + 4];
            exponentsHere = new int[paddedWidth + 4];
        }
        Arrays.fill(rhoAbove, 0);
        Arrays.fill(rhoHere, 0);
        Arrays.fill(exponentsAbove, 0);
        Arrays.fill(exponentsHere, 0);
    }

    /** The cleanup pass: significance, exponents, magnitudes and signs of every quad, in quad-pair order. */
    private void cleanup(byte[] data, int lcup, int scup, int width, int height, int plane, int zeroBitPlanes)
            throws DecodeException {
        int suffixStart = lcup - scup;
        mel.start(data, suffixStart, scup - 1);
        vlc.startVlc(data, 0, lcup, scup);
        magSgn.start(data, 0, suffixStart, 0xFF);
        int quadColumns = (width + 1) >> 1;
        int quadRows = (height + 1) >> 1;
        int paddedWidth = quadColumns << 1;
        int maxU = zeroBitPlanes + 2;
        int[] vlcTable = HtVlcTables.INITIAL_ROW;
        for (int qy = 0; qy < quadRows; qy++) {
            boolean initial = qy == 0;
            if (!initial) {
                vlcTable = HtVlcTables.OTHER_ROWS;
                int[] swap = rhoAbove;
                rhoAbove = rhoHere;
                rhoHere = swap;
                swap = exponentsAbove;
                exponentsAbove = exponentsHere;
                exponentsHere = swap;
            }
            int[] above = rhoAbove;
            int[] here = rhoHere;
            int rowBase = (qy << 1) * paddedWidth;
            for (int qx = 0; qx < quadColumns; qx += 2) {
                boolean second = qx + 1 < quadColumns;
                int entryA = quad(vlcTable, initial ? initialContext(here[qx]) : context(above, here, qx));
                here[qx + 1] = (entryA >> 3) & 0xF;
                int entryB = 0;
                if (second) {
                    entryB = quad(vlcTable, initial ? initialContext(here[qx + 1]) : context(above, here, qx + 1));
                }
                here[qx + 2] = (entryB >> 3) & 0xF;
                int uA = 0;
                int uB = 0;
                int offsets = ((entryA >> 7) & 1) | ((entryB >> 6) & 2);
                if (offsets != 0) {
                    long pair = initial ? HtResiduals.initialPair(offsets, vlc, mel)
                            : HtResiduals.pair(offsets, vlc);
                    uA = (int) pair;
                    uB = (int) (pair >>> 32);
                }
                int kappaA = initial ? 1 : kappa(entryA, qx);
                magnitudes(entryA, uA + kappaA, maxU, plane, rowBase + (qx << 1), paddedWidth, qx << 1);
                if (second) {
                    int kappaB = initial ? 1 : kappa(entryB, qx + 1);
                    magnitudes(entryB, uB + kappaB, maxU, plane, rowBase + (qx << 1) + 2, paddedWidth,
                            (qx << 1) + 2);
                }
            }
        }
    }

    /** The context of a quad in the initial row, from the quad to its left. */
    private static int initialContext(int leftRho) {
        return ((leftRho | (leftRho >> 1)) & 1) | (leftRho >> 1 & 6);
    }

    /**
     * The context of a quad in a later row: its western neighbours (bit 1) and the bottom row of the quads above,
     * north-west or north (bit 0), north-east or beyond (bit 2).
     */
    private static int context(int[] above, int[] here, int qx) {
        int west = here[qx];
        int northWest = above[qx];
        int north = above[qx + 1];
        int northEast = above[qx + 2];
        return ((northWest >> 3) & 1) | ((north >> 1) & 1) | (((west >> 2) | (west >> 3)) & 1) << 1
                | (((north >> 3) | (northEast >> 1)) & 1) << 2;
    }

    /** Decodes one quad's CxtVLC codeword (after a MEL event when the context is 0); 0 if insignificant. */
    private int quad(int[] table, int context) {
        if (context == 0 && mel.event() == 0) {
            return 0;
        }
        int entry = table[context << 7 | (vlc.peek() & 0x7F)];
        vlc.skip(entry & 7);
        return entry;
    }

    private int kappa(int entry, int qx) {
        int rho = (entry >> 3) & 0xF;
        if ((rho & (rho - 1)) == 0) {
            return 1;
        }
        int[] e = exponentsAbove;
        int x = qx << 1;
        int bits = e[x] | e[x + 1] | e[x + 2] | e[x + 3];
        return Math.max(31 - Integer.numberOfLeadingZeros(bits), 1);
    }

    /**
     * Reads the magnitudes and signs of a quad's significant samples from MagSgn and writes its four samples:
     * a sample n has {@code bound − e_k(n)} coded bits below an implicit top bit e_1(n); the lowest is the sign.
     */
    private void magnitudes(int entry, int bound, int maxU, int plane, int index, int stride, int column)
            throws DecodeException {
        int rho = (entry >> 3) & 0xF;
        int[] out = samples;
        if (rho == 0) {
            out[index] = 0;
            out[index + stride] = 0;
            out[index + 1] = 0;
            out[index + 1 + stride] = 0;
            exponentsHere[column + 1] = 0;
            exponentsHere[column + 2] = 0;
            return;
        }
        if (bound > maxU) {
            throw new DecodeException("HT quad's magnitude exponent bound " + bound + " exceeds the code-block's "
                    + maxU);
        }
        int ek = entry >> 8;
        int e1 = entry >> 12;
        out[index] = sample(rho, ek, e1, 0, bound, plane);
        out[index + stride] = sample(rho, ek, e1, 1, bound, plane);
        exponentsHere[column + 1] = lastMagnitude;
        out[index + 1] = sample(rho, ek, e1, 2, bound, plane);
        out[index + 1 + stride] = sample(rho, ek, e1, 3, bound, plane);
        exponentsHere[column + 2] = lastMagnitude;
    }

    /**
     * Sample {@code n} of a quad; without branches on ρ, which a decoder cannot predict: an insignificant sample
     * reads no bits and comes out 0.
     */
    private int sample(int rho, int ek, int e1, int n, int bound, int plane) {
        int significant = -((rho >> n) & 1);
        int codedBits = (bound - ((ek >> n) & 1)) & significant;
        int v = magSgn.read(codedBits) | ((e1 >> n) & 1) << codedBits;
        int odd = (v | 1) & significant;
        lastMagnitude = odd;
        int magnitude = ((odd + 2) << plane) & significant;
        int negative = -(v & 1);
        return (magnitude ^ negative) - negative;
    }

    private void markCleanupSignificance(int width, int height, int paddedWidth) {
        int border = width + 2;
        int size = border * (height + 2);
        if (significance.length < size) {
            significance = new byte[size];
        } else {
            Arrays.fill(significance, 0, size, (byte) 0);
        }
        for (int y = 0; y < height; y++) {
            int from = y * paddedWidth;
            int to = (y + 1) * border + 1;
            for (int x = 0; x < width; x++) {
                if (samples[from + x] != 0) {
                    significance[to + x] = 1;
                }
            }
        }
    }

    /**
     * MagRef: one bit of bit-plane p−1 for each sample significant after cleanup, stripe by stripe of four rows,
     * column by column; the bin's midpoint moves down to the new lowest plane.
     */
    private void magnitudeRefinement(int width, int height, int paddedWidth, int plane) {
        int border = width + 2;
        int keep = 1 << plane;
        int half = 1 << (plane - 1);
        for (int y0 = 0; y0 < height; y0 += 4) {
            int rows = Math.min(4, height - y0);
            for (int x = 0; x < width; x++) {
                for (int r = 0; r < rows; r++) {
                    int y = y0 + r;
                    if (significance[(y + 1) * border + x + 1] == 1) {
                        int index = y * paddedWidth + x;
                        int value = samples[index];
                        int magnitude = Math.abs(value) ^ ((magRef.bit() ^ 1) * keep) ^ half;
                        samples[index] = value < 0 ? -magnitude : magnitude;
                    }
                }
            }
        }
    }

    /**
     * SigProp: for each insignificant sample with a significant neighbour, one bit of significance in bit-plane
     * p−1, in stripes of four rows and groups of four columns, column by column; the signs of the samples a group
     * made significant follow its significance bits. Samples made significant earlier in the scan count as
     * neighbours; in vertically causal mode the row below a stripe does not.
     */
    private void significancePropagation(int width, int height, int paddedWidth, int plane, boolean causal) {
        int border = width + 2;
        byte[] sig = significance;
        int value = 3 << (plane - 1);
        for (int y0 = 0; y0 < height; y0 += 4) {
            int rows = Math.min(4, height - y0);
            for (int x0 = 0; x0 < width; x0 += 4) {
                int columns = Math.min(4, width - x0);
                int found = 0;
                for (int c = 0; c < columns; c++) {
                    for (int r = 0; r < rows; r++) {
                        int i = (y0 + r + 1) * border + x0 + c + 1;
                        if (sig[i] != 0) {
                            continue;
                        }
                        int neighbours = sig[i - 1] | sig[i + 1] | sig[i - border - 1] | sig[i - border]
                                | sig[i - border + 1];
                        if (!causal || r != 3) {
                            neighbours |= sig[i + border - 1] | sig[i + border] | sig[i + border + 1];
                        }
                        if (neighbours != 0 && sigProp.bit() == 1) {
                            sig[i] = 2;
                            found |= 1 << (c << 2 | r);
                        }
                    }
                }
                while (found != 0) {
                    int bit = Integer.numberOfTrailingZeros(found);
                    found &= found - 1;
                    int index = (y0 + (bit & 3)) * paddedWidth + x0 + (bit >> 2);
                    samples[index] = sigProp.bit() == 1 ? -value : value;
                }
            }
        }
    }
}
