package org.sonocine.imaging.jpegls;

import org.sonocine.imaging.codec.DecodeException;

/**
 * The reversible colour transforms of HP's JPEG-LS implementation, which CharLS and others signal with an APP8
 * segment "mrfx" followed by one byte (1, 2 or 3). The encoder coded transformed components; the decoder undoes
 * the transform so the caller gets the RGB samples that were encoded. Arithmetic is modulo 2^precision.
 */
enum ColorTransform {
    NONE,
    /** (R-G, G, B-G). */
    HP1,
    /** (R-G, G, B-(R+G)/2). */
    HP2,
    /** (G+(R-G+B-G)/4, B-G, R-G), coded in that order. */
    HP3;

    static ColorTransform of(int code) throws DecodeException {
        if (code >= 0 && code < values().length) {
            return values()[code];
        }
        throw new DecodeException("colour transform " + code + " of the APP8 \"mrfx\" segment is not supported");
    }

    /** Replaces the decoded, transformed samples of a 3-component image by the RGB samples they encode. */
    void invert(ImageBuffer image) {
        if (this == NONE) {
            return;
        }
        int mask = (1 << image.precision()) - 1;
        int half = (mask + 1) >> 1;
        int quarter = (mask + 1) >> 2;
        int samples = image.width() * image.height() * 3;
        for (int i = 0; i < samples; i += 3) {
            int v1 = image.get(i);
            int v2 = image.get(i + 1);
            int v3 = image.get(i + 2);
            int r;
            int g;
            int b;
            switch (this) {
                case HP1 -> {
                    r = v1 + v2 - half;
                    g = v2;
                    b = v3 + v2 - half;
                }
                case HP2 -> {
                    r = (v1 + v2 - half) & mask;
                    g = v2;
                    b = v3 + ((r + g) >> 1) - half;
                }
                default -> {
                    g = v1 - ((v3 + v2) >> 2) + quarter;
                    r = v3 + g - half;
                    b = v2 + g - half;
                }
            }
            image.set(i, r & mask);
            image.set(i + 1, g & mask);
            image.set(i + 2, b & mask);
        }
    }
}
