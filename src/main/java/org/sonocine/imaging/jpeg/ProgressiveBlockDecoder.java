package org.sonocine.imaging.jpeg;

import java.util.Arrays;

import org.sonocine.imaging.codec.DecodeException;

/**
 * The entropy decoding of the blocks of one progressive scan (T.81 G.2), in the scan's one of four kinds: DC
 * first, DC refinement, AC first, AC refinement. It follows libjpeg's jdphuff.c wherever the standard leaves room,
 * so that corrupt data decodes as DCMTK decodes it: a run past the band's end lands on the last coefficient, a
 * refinement symbol of a size other than 1 still reads one bit, a code that is no code reads as symbol 0.
 */
final class ProgressiveBlockDecoder {
    private final HuffmanTable[] dcTables;
    private final HuffmanTable acTable;
    private final int ss;
    private final int se;
    private final int al;
    private final int[] predictors;
    /** Blocks, after the current one, that an end-of-band run still covers. */
    private int endOfBandRun;

    /**
     * @param dcTables per scan component the DC table of a DC first scan; unused otherwise
     * @param acTable the AC table of an AC scan; null otherwise
     */
    ProgressiveBlockDecoder(ScanHeader scan, HuffmanTable[] dcTables, HuffmanTable acTable) {
        this.dcTables = dcTables;
        this.acTable = acTable;
        this.ss = scan.ss();
        this.se = scan.se();
        this.al = scan.al();
        this.predictors = new int[scan.components().size()];
    }

    /** At a restart marker: DC predictions and the end-of-band run start afresh. */
    void restart() {
        Arrays.fill(predictors, 0);
        endOfBandRun = 0;
    }

    /** T.81 G.1.2.1: the DC difference, point-transformed, of scan component {@code component}. */
    void decodeDcFirst(BitReader in, short[] coef, int offset, int component) throws DecodeException {
        int dc = predictors[component] + in.dcDifference(dcTables[component]);
        predictors[component] = dc;
        coef[offset] = (short) (dc << al);
    }

    /** One more bit of the DC coefficient. */
    void decodeDcRefine(BitReader in, short[] coef, int offset) {
        if (in.bits(1) != 0) {
            coef[offset] |= (short) (1 << al);
        }
    }

    /** T.81 G.1.2.2: the band's coefficients, point-transformed, or a share of an end-of-band run. */
    void decodeAcFirst(BitReader in, short[] coef, int offset) {
        if (endOfBandRun > 0) {
            endOfBandRun--;
            return;
        }
        int[] naturalOrder = DecoderTables.NATURAL_ORDER;
        for (int k = ss; k <= se; k++) {
            int rs = in.decode(acTable);
            int run = rs >> 4;
            int size = rs & 15;
            if (size != 0) {
                k += run;
                coef[offset + naturalOrder[k]] = (short) (in.signed(size) << al);
            } else if (run == 15) {
                k += 15;
            } else {
                endOfBandRun = endOfBandRun(in, run) - 1;
                break;
            }
        }
    }

    /**
     * T.81 G.1.2.3: one more bit of every coefficient already non-zero (a correction bit each) and the
     * coefficients that become non-zero at this bit (a run of zero-history coefficients to skip, then a sign).
     */
    void decodeAcRefine(BitReader in, short[] coef, int offset) {
        int plusOne = 1 << al;
        int minusOne = -1 << al;
        int[] naturalOrder = DecoderTables.NATURAL_ORDER;
        int k = ss;
        if (endOfBandRun == 0) {
            for (; k <= se; k++) {
                int rs = in.decode(acTable);
                int run = rs >> 4;
                int size = rs & 15;
                int value = 0;
                if (size != 0) {
                    value = in.bits(1) != 0 ? plusOne : minusOne;
                } else if (run != 15) {
                    endOfBandRun = endOfBandRun(in, run);
                    break;
                }
                // skip 'run' zero-history coefficients (all 16 of them for ZRL), correcting those passed
                do {
                    int position = offset + naturalOrder[k];
                    if (coef[position] != 0) {
                        correct(in, coef, position, plusOne, minusOne);
                    } else if (--run < 0) {
                        break;
                    }
                    k++;
                } while (k <= se);
                if (value != 0) {
                    coef[offset + naturalOrder[k]] = (short) value;
                }
            }
        }
        if (endOfBandRun > 0) {
            for (; k <= se; k++) {
                int position = offset + naturalOrder[k];
                if (coef[position] != 0) {
                    correct(in, coef, position, plusOne, minusOne);
                }
            }
            endOfBandRun--;
        }
    }

    /** A correction bit of 1 adds the bit being coded to the magnitude, unless it is there already. */
    private static void correct(BitReader in, short[] coef, int position, int plusOne, int minusOne) {
        if (in.bits(1) != 0 && (coef[position] & plusOne) == 0) {
            coef[position] += (short) (coef[position] >= 0 ? plusOne : minusOne);
        }
    }

    /** The length of the end-of-band run that symbol EOB{@code r} starts: 2^r plus r more bits. */
    private static int endOfBandRun(BitReader in, int r) {
        int run = 1 << r;
        if (r != 0) {
            run += in.bits(r);
        }
        return run;
    }
}
