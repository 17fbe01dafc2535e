package org.sonocine.imaging.jpeg;

/**
 * Dequantization and inverse DCT of one 8x8 block, computed exactly as libjpeg's "islow" method (jidctint.c):
 * the Loeffler-Ligtenberg-Moschytz algorithm in 13-bit fixed point, a column pass scaled up by PASS1_BITS (2 at
 * 8-bit precision, 1 at 12-bit) and a row pass, then level shift and clamping through libjpeg's range-limit
 * table, whose wrap-around for wildly out-of-range values is reproduced too. Arithmetic is done in 64 bits and
 * the intermediate results are truncated to 32 bits, as libjpeg on a 64-bit platform does.
 */
final class IslowIdct {
    private static final int CONST_BITS = 13;
    private static final long FIX_0_298631336 = 2446;
    private static final long FIX_0_390180644 = 3196;
    private static final long FIX_0_541196100 = 4433;
    private static final long FIX_0_765366865 = 6270;
    private static final long FIX_0_899976223 = 7373;
    private static final long FIX_1_175875602 = 9633;
    private static final long FIX_1_501321110 = 12299;
    private static final long FIX_1_847759065 = 15137;
    private static final long FIX_1_961570560 = 16069;
    private static final long FIX_2_053119869 = 16819;
    private static final long FIX_2_562915447 = 20995;
    private static final long FIX_3_072711026 = 25172;

    private final int pass1Bits;
    private final int rangeMask;
    /** libjpeg's post-IDCT range-limit table: index (value & rangeMask), result level-shifted and clamped. */
    private final short[] rangeLimit;
    private final int[] workspace = new int[64];

    IslowIdct(int precision) {
        pass1Bits = precision == 8 ? 2 : 1;
        int levels = 1 << precision;
        rangeMask = 4 * levels - 1;
        rangeLimit = new short[4 * levels];
        int center = levels / 2;
        for (int i = 0; i < rangeLimit.length; i++) {
            int signed = i < 2 * levels ? i : i - 4 * levels;
            rangeLimit[i] = (short) Math.max(0, Math.min(levels - 1, signed + center));
        }
    }

    /** The sample value of a block whose coefficients are all zero. */
    short flatValue() {
        return rangeLimit[0];
    }

    /** The block value when only the DC coefficient is non-zero (the shortcut both passes of libjpeg take). */
    short dcOnly(int dc, int quant) {
        int ws = dc * quant << pass1Bits;
        return rangeLimit[(int) (((long) ws + (1L << (pass1Bits + 2))) >> (pass1Bits + 3)) & rangeMask];
    }

    /**
     * Transforms the coefficients {@code coef} (natural order, values as libjpeg's 16-bit JCOEF) with the
     * quantization table {@code quant} into 8x8 samples at {@code out[offset]}, rows {@code stride} apart.
     */
    void transform(int[] coef, int[] quant, short[] out, int offset, int stride) {
        int[] ws = workspace;
        for (int col = 0; col < 8; col++) {
            if (coef[col + 8] == 0 && coef[col + 16] == 0 && coef[col + 24] == 0 && coef[col + 32] == 0
                    && coef[col + 40] == 0 && coef[col + 48] == 0 && coef[col + 56] == 0) {
                int dc = coef[col] * quant[col] << pass1Bits;
                for (int row = 0; row < 64; row += 8) {
                    ws[col + row] = dc;
                }
                continue;
            }
            long z2 = coef[col + 16] * quant[col + 16];
            long z3 = coef[col + 48] * quant[col + 48];
            long z1 = (z2 + z3) * FIX_0_541196100;
            long tmp2 = z1 - z3 * FIX_1_847759065;
            long tmp3 = z1 + z2 * FIX_0_765366865;
            z2 = coef[col] * quant[col];
            z3 = coef[col + 32] * quant[col + 32];
            long tmp0 = (z2 + z3) << CONST_BITS;
            long tmp1 = (z2 - z3) << CONST_BITS;
            long tmp10 = tmp0 + tmp3;
            long tmp13 = tmp0 - tmp3;
            long tmp11 = tmp1 + tmp2;
            long tmp12 = tmp1 - tmp2;

            tmp0 = coef[col + 56] * quant[col + 56];
            tmp1 = coef[col + 40] * quant[col + 40];
            tmp2 = coef[col + 24] * quant[col + 24];
            tmp3 = coef[col + 8] * quant[col + 8];
            z1 = tmp0 + tmp3;
            z2 = tmp1 + tmp2;
            z3 = tmp0 + tmp2;
            long z4 = tmp1 + tmp3;
            long z5 = (z3 + z4) * FIX_1_175875602;
            tmp0 *= FIX_0_298631336;
            tmp1 *= FIX_2_053119869;
            tmp2 *= FIX_3_072711026;
            tmp3 *= FIX_1_501321110;
            z1 *= -FIX_0_899976223;
            z2 *= -FIX_2_562915447;
            z3 = z3 * -FIX_1_961570560 + z5;
            z4 = z4 * -FIX_0_390180644 + z5;
            tmp0 += z1 + z3;
            tmp1 += z2 + z4;
            tmp2 += z2 + z3;
            tmp3 += z1 + z4;

            int shift = CONST_BITS - pass1Bits;
            long round = 1L << (shift - 1);
            ws[col] = (int) ((tmp10 + tmp3 + round) >> shift);
            ws[col + 56] = (int) ((tmp10 - tmp3 + round) >> shift);
            ws[col + 8] = (int) ((tmp11 + tmp2 + round) >> shift);
            ws[col + 48] = (int) ((tmp11 - tmp2 + round) >> shift);
            ws[col + 16] = (int) ((tmp12 + tmp1 + round) >> shift);
            ws[col + 40] = (int) ((tmp12 - tmp1 + round) >> shift);
            ws[col + 24] = (int) ((tmp13 + tmp0 + round) >> shift);
            ws[col + 32] = (int) ((tmp13 - tmp0 + round) >> shift);
        }

        int shift = CONST_BITS + pass1Bits + 3;
        long round = 1L << (shift - 1);
        int mask = rangeMask;
        short[] limit = rangeLimit;
        for (int row = 0; row < 64; row += 8, offset += stride) {
            if (ws[row + 1] == 0 && ws[row + 2] == 0 && ws[row + 3] == 0 && ws[row + 4] == 0
                    && ws[row + 5] == 0 && ws[row + 6] == 0 && ws[row + 7] == 0) {
                short value = limit[(int) (((long) ws[row] + (1L << (pass1Bits + 2))) >> (pass1Bits + 3)) & mask];
                for (int i = 0; i < 8; i++) {
                    out[offset + i] = value;
                }
                continue;
            }
            long z2 = ws[row + 2];
            long z3 = ws[row + 6];
            long z1 = (z2 + z3) * FIX_0_541196100;
            long tmp2 = z1 - z3 * FIX_1_847759065;
            long tmp3 = z1 + z2 * FIX_0_765366865;
            long tmp0 = ((long) ws[row] + ws[row + 4]) << CONST_BITS;
            long tmp1 = ((long) ws[row] - ws[row + 4]) << CONST_BITS;
            long tmp10 = tmp0 + tmp3;
            long tmp13 = tmp0 - tmp3;
            long tmp11 = tmp1 + tmp2;
            long tmp12 = tmp1 - tmp2;

            tmp0 = ws[row + 7];
            tmp1 = ws[row + 5];
            tmp2 = ws[row + 3];
            tmp3 = ws[row + 1];
            z1 = tmp0 + tmp3;
            z2 = tmp1 + tmp2;
            z3 = tmp0 + tmp2;
            long z4 = tmp1 + tmp3;
            long z5 = (z3 + z4) * FIX_1_175875602;
            tmp0 *= FIX_0_298631336;
            tmp1 *= FIX_2_053119869;
            tmp2 *= FIX_3_072711026;
            tmp3 *= FIX_1_501321110;
            z1 *= -FIX_0_899976223;
            z2 *= -FIX_2_562915447;
            z3 = z3 * -FIX_1_961570560 + z5;
            z4 = z4 * -FIX_0_390180644 + z5;
            tmp0 += z1 + z3;
            tmp1 += z2 + z4;
            tmp2 += z2 + z3;
            tmp3 += z1 + z4;

            out[offset] = limit[(int) ((tmp10 + tmp3 + round) >> shift) & mask];
            out[offset + 7] = limit[(int) ((tmp10 - tmp3 + round) >> shift) & mask];
            out[offset + 1] = limit[(int) ((tmp11 + tmp2 + round) >> shift) & mask];
            out[offset + 6] = limit[(int) ((tmp11 - tmp2 + round) >> shift) & mask];
            out[offset + 2] = limit[(int) ((tmp12 + tmp1 + round) >> shift) & mask];
            out[offset + 5] = limit[(int) ((tmp12 - tmp1 + round) >> shift) & mask];
            out[offset + 3] = limit[(int) ((tmp13 + tmp0 + round) >> shift) & mask];
            out[offset + 4] = limit[(int) ((tmp13 - tmp0 + round) >> shift) & mask];
        }
    }
}
