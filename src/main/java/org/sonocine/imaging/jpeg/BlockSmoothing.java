package org.sonocine.imaging.jpeg;

/**
 * Estimates of the first five AC coefficients from the DC values of the neighbouring blocks (T.81 K.8), applied,
 * as libjpeg 6b applies them by default, when a progressive frame ends before those coefficients are exact: each
 * estimate replaces a coefficient that is still zero and whose last scan left bits uncoded (or that no scan coded),
 * bounded so that it stays within what those bits could hold. Complete progressions need none of it.
 */
final class BlockSmoothing {
    /** The natural-order positions of zigzag coefficients 1 to 5. */
    private static final int[] POSITIONS = {1, 8, 16, 9, 2};

    private final int[][] quantTables;
    /** Per component, the approximation bits still missing from zigzag coefficients 1..5 (-1: never coded). */
    private final int[][] missingBits;

    private BlockSmoothing(int[][] quantTables, int[][] missingBits) {
        this.quantTables = quantTables;
        this.missingBits = missingBits;
    }

    /**
     * The smoothing for a frame decoded this far, or null where libjpeg does none: some component has no
     * quantization table yet or a zero among the quantizers used, or no DC bits, or coefficients 1..5 of every
     * component are already exact.
     *
     * @param coefficientBits per component and zigzag index, the Al of the last scan that coded it, -1 if none
     */
    static BlockSmoothing ifUseful(int[][] quantTables, int[][] coefficientBits) {
        boolean useful = false;
        int[][] missing = new int[quantTables.length][];
        for (int c = 0; c < quantTables.length; c++) {
            int[] quant = quantTables[c];
            if (quant == null || quant[0] == 0 || coefficientBits[c][0] < 0) {
                return null;
            }
            missing[c] = new int[POSITIONS.length];
            for (int i = 0; i < POSITIONS.length; i++) {
                if (quant[POSITIONS[i]] == 0) {
                    return null;
                }
                missing[c][i] = coefficientBits[c][i + 1];
                useful |= missing[c][i] != 0;
            }
        }
        return useful ? new BlockSmoothing(quantTables, missing) : null;
    }

    /**
     * Fills in the estimates for the block at ({@code row}, {@code col}) of component {@code component}, whose
     * coefficients {@code block} holds; neighbours beyond the image's edge are the block itself.
     */
    void apply(ComponentCoefficients coefficients, int component, int row, int col, int[] block) {
        short[] values = coefficients.values;
        int up = Math.max(row - 1, 0);
        int down = Math.min(row + 1, coefficients.blocksHigh - 1);
        int left = Math.max(col - 1, 0);
        int right = Math.min(col + 1, coefficients.blocksWide - 1);
        int dc1 = values[coefficients.offset(up, left)];
        int dc2 = values[coefficients.offset(up, col)];
        int dc3 = values[coefficients.offset(up, right)];
        int dc4 = values[coefficients.offset(row, left)];
        int dc5 = values[coefficients.offset(row, col)];
        int dc6 = values[coefficients.offset(row, right)];
        int dc7 = values[coefficients.offset(down, left)];
        int dc8 = values[coefficients.offset(down, col)];
        int dc9 = values[coefficients.offset(down, right)];
        long q00 = quantTables[component][0];
        long[] numerators = {
            36 * q00 * (dc4 - dc6),
            36 * q00 * (dc2 - dc8),
            9 * q00 * (dc2 + dc8 - 2 * dc5),
            5 * q00 * (dc1 - dc3 - dc7 + dc9),
            9 * q00 * (dc4 + dc6 - 2 * dc5),
        };
        int[] missing = missingBits[component];
        for (int i = 0; i < POSITIONS.length; i++) {
            int position = POSITIONS[i];
            if (missing[i] != 0 && block[position] == 0) {
                block[position] = (short) estimate(numerators[i], quantTables[component][position], missing[i]);
            }
        }
    }

    /** libjpeg's rounded quotient num / (128 q), its magnitude kept below 2^al when al bits are missing. */
    private static int estimate(long num, long q, int al) {
        long magnitude = ((q << 7) + Math.abs(num)) / (q << 8);
        if (al > 0 && magnitude >= 1 << al) {
            magnitude = (1 << al) - 1;
        }
        return (int) (num >= 0 ? magnitude : -magnitude);
    }
}
