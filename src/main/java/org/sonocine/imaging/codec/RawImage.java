package org.sonocine.imaging.codec;

import org.sonocine.imaging.codec.RawImage;

/**
 * The samples a codestream decoder produced: {@code width} x {@code height} pixels of {@code components} samples,
 * interleaved by pixel (c0 c1 c2 c0 c1 c2 ...) and stored row by row, exactly as the codestream holds them (no
 * colour conversion beyond what the codec itself mandates). Samples of up to 8 bits are in {@link #bytes()},
 * wider ones in {@link #shorts()} (unsigned 16-bit values held in Java shorts).
 */
public final class RawImage {
    private final int width;
    private final int height;
    private final int components;
    private final int precision;
    private final byte[] bytes;
    private final short[] shorts;

    private RawImage(int width, int height, int components, int precision, byte[] bytes, short[] shorts) {
        this.width = width;
        this.height = height;
        this.components = components;
        this.precision = precision;
        this.bytes = bytes;
        this.shorts = shorts;
        long expected = (long) width * height * components;
        long actual = bytes != null ? bytes.length : shorts.length;
        if (actual < expected) {
            throw new IllegalArgumentException("sample array holds " + actual + " samples, " + expected + " needed");
        }
    }

    /** Samples of 1 to 8 bits. */
    public static RawImage ofBytes(int width, int height, int components, int precision, byte[] samples) {
        return new RawImage(width, height, components, precision, samples, null);
    }

    /** Samples of 9 to 16 bits. */
    public static RawImage ofShorts(int width, int height, int components, int precision, short[] samples) {
        return new RawImage(width, height, components, precision, null, samples);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int components() {
        return components;
    }

    /** Bits per sample in the codestream (e.g. 8, 12, 16). */
    public int precision() {
        return precision;
    }

    public boolean isWide() {
        return shorts != null;
    }

    /** The samples when {@link #isWide()} is false; null otherwise. */
    public byte[] bytes() {
        return bytes;
    }

    /** The samples when {@link #isWide()} is true; null otherwise. */
    public short[] shorts() {
        return shorts;
    }
}
