package org.sonocine.imaging.jpegls;

import org.sonocine.imaging.codec.DecodeException;

/**
 * The JPEG-LS preset coding parameters of an LSE segment of type 1 (T.87 C.2.4.1.1), as written: a zero field
 * asks for the default. {@link #resolve} turns them into the values one scan uses.
 */
record PresetParameters(int maxVal, int t1, int t2, int t3, int reset) {
    static final PresetParameters DEFAULTS = new PresetParameters(0, 0, 0, 0, 0);

    private static final int BASIC_T1 = 3;
    private static final int BASIC_T2 = 7;
    private static final int BASIC_T3 = 21;
    private static final int DEFAULT_RESET = 64;

    /** The parameters for a scan of {@code precision}-bit samples coded with near-lossless bound {@code near}. */
    CodingParameters resolve(int precision, int near) throws DecodeException {
        int fullScale = (1 << precision) - 1;
        int max = maxVal == 0 ? fullScale : maxVal;
        if (max > fullScale) {
            throw new DecodeException("LSE preset MAXVAL " + max + " exceeds the " + precision + "-bit range");
        }
        if (near > Math.min(255, max / 2)) {
            throw new DecodeException("NEAR " + near + " is too large for MAXVAL " + max);
        }
        int d1;
        int d2;
        int d3;
        if (max >= 128) {
            int factor = (Math.min(max, 4095) + 128) >> 8;
            d1 = clamp(factor * (BASIC_T1 - 2) + 2 + 3 * near, near + 1, max);
            d2 = clamp(factor * (BASIC_T2 - 3) + 3 + 5 * near, d1, max);
            d3 = clamp(factor * (BASIC_T3 - 4) + 4 + 7 * near, d2, max);
        } else {
            int factor = 256 / (max + 1);
            d1 = clamp(Math.max(2, BASIC_T1 / factor + 3 * near), near + 1, max);
            d2 = clamp(Math.max(3, BASIC_T2 / factor + 5 * near), d1, max);
            d3 = clamp(Math.max(4, BASIC_T3 / factor + 7 * near), d2, max);
        }
        int r1 = t1 == 0 ? d1 : t1;
        int r2 = t2 == 0 ? d2 : t2;
        int r3 = t3 == 0 ? d3 : t3;
        int r = reset == 0 ? DEFAULT_RESET : reset;
        if (r1 < near + 1 || r1 > max || r2 < r1 || r2 > max || r3 < r2 || r3 > max) {
            throw new DecodeException("invalid thresholds T1=" + r1 + " T2=" + r2 + " T3=" + r3 + " for MAXVAL "
                    + max + " and NEAR " + near + " (T.87 C.2.4.1.1 needs NEAR+1 <= T1 <= T2 <= T3 <= MAXVAL)");
        }
        if (r < 3 || r > Math.max(255, max)) {
            throw new DecodeException("invalid RESET " + r + " for MAXVAL " + max);
        }
        return new CodingParameters(max, near, r1, r2, r3, r);
    }

    /** T.87's CLAMP: {@code value} unless it is outside [low, max], then {@code low}. */
    private static int clamp(int value, int low, int max) {
        return value > max || value < low ? low : value;
    }
}
