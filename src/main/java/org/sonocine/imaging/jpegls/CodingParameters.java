package org.sonocine.imaging.jpegls;

/**
 * The parameters one scan is coded with, and the quantities T.87 A.2.1 derives from them.
 *
 * @param maxVal largest sample value
 * @param near   near-lossless bound (0 for lossless)
 * @param t1     first gradient threshold
 * @param t2     second gradient threshold
 * @param t3     third gradient threshold
 * @param reset  count at which context statistics are halved
 */
record CodingParameters(int maxVal, int near, int t1, int t2, int t3, int reset) {

    /** Number of distinct quantized prediction errors. */
    int range() {
        return (maxVal + 2 * near) / (2 * near + 1) + 1;
    }

    /** Bits of a quantized error, as sent after the escape code. */
    int qbpp() {
        return bitsFor(range());
    }

    /** Longest Golomb code word, in bits. */
    int limit() {
        int bpp = Math.max(2, bitsFor(maxVal + 1));
        return 2 * (bpp + Math.max(8, bpp));
    }

    /** The smallest n with 2^n >= value. */
    private static int bitsFor(int value) {
        return 32 - Integer.numberOfLeadingZeros(value - 1);
    }
}
