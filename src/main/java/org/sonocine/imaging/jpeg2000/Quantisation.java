package org.sonocine.imaging.jpeg2000;

import org.sonocine.imaging.codec.DecodeException;

/**
 * A tile-component's quantisation: Sqcd/SPqcd of a QCD or QCC segment (ISO/IEC 15444-1 A.6.4, A.6.5, E.1).
 * Subbands are numbered as the segment lists them: 0 is the lowest LL, then HL, LH, HH of each resolution from
 * the coarsest.
 *
 * @param style     0 none (reversible), 1 scalar derived, 2 scalar expounded
 * @param guardBits G
 * @param exponents ε for each subband the segment lists (one for the derived style)
 * @param mantissas μ for each subband listed (zeros for style 0)
 */
record Quantisation(int style, int guardBits, int[] exponents, int[] mantissas) {
    static final int NONE = 0;
    static final int DERIVED = 1;
    static final int EXPOUNDED = 2;

    /** ε of subband {@code band} (numbered as above) of a component with {@code levels} decomposition levels. */
    int exponent(int band, int levels) throws DecodeException {
        if (style == DERIVED) {
            // E-5: εb = ε0 − N_L + nb, where nb is the band's number of decomposition levels.
            return exponents[0] - levels + decompositionLevels(band, levels);
        }
        if (band >= exponents.length) {
            throw new DecodeException("the JPEG 2000 quantisation segment gives "
                    + Words.count(exponents.length, "subband") + "; the component has " + (3 * levels + 1));
        }
        return exponents[band];
    }

    int mantissa(int band) {
        return style == DERIVED ? mantissas[0] : mantissas[Math.min(band, mantissas.length - 1)];
    }

    /** nb: how many decomposition levels lie between the image and subband {@code band}. */
    static int decompositionLevels(int band, int levels) {
        return band == 0 ? levels : levels - (band - 1) / 3;
    }
}
