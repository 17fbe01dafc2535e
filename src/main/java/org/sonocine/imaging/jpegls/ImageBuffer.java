package org.sonocine.imaging.jpegls;

import java.util.Arrays;

import org.sonocine.imaging.codec.RawImage;

/**
 * The decoded samples of the whole frame, interleaved by pixel, in bytes for up to 8 bits and shorts above.
 * Scans store their lines here as they finish them.
 *
 * <p>The array starts at the size the codestream's length makes plausible and grows as lines arrive, so a
 * header that claims a huge image over a few bytes of garbage fails before it can claim the memory.
 */
final class ImageBuffer {
    private final int width;
    private final int height;
    private final int components;
    private final int precision;
    private final int lineSamples;
    private byte[] bytes;
    private short[] shorts;

    /** An image of {@code width * height * components} samples, which the caller has checked fits an array. */
    ImageBuffer(int width, int height, int components, int precision, int initialSamples) {
        this.width = width;
        this.height = height;
        this.components = components;
        this.precision = precision;
        this.lineSamples = width * components;
        int total = lineSamples * height;
        int initial = Math.min(total, Math.max(lineSamples, initialSamples));
        this.bytes = precision <= 8 ? new byte[initial] : null;
        this.shorts = precision <= 8 ? null : new short[initial];
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    int components() {
        return components;
    }

    int precision() {
        return precision;
    }

    /**
     * Stores line {@code y} of one component: {@code width} samples from {@code line[from]} on.
     */
    void storeLine(int y, int component, int[] line, int from) {
        ensureLine(y);
        int at = y * width * components + component;
        int stride = components;
        if (bytes != null) {
            byte[] out = bytes;
            for (int x = 0; x < width; x++, at += stride) {
                out[at] = (byte) line[from + x];
            }
        } else {
            short[] out = shorts;
            for (int x = 0; x < width; x++, at += stride) {
                out[at] = (short) line[from + x];
            }
        }
    }

    /**
     * Stores line {@code y} of a pixel-interleaved scan: {@code width} pixels of {@code scanComponents.length}
     * samples from {@code line[from]} on, sample j going to frame component {@code scanComponents[j]}.
     */
    void storePixelLine(int y, int[] scanComponents, int[] line, int from) {
        ensureLine(y);
        int n = scanComponents.length;
        for (int j = 0; j < n; j++) {
            int at = y * width * components + scanComponents[j];
            int in = from + j;
            for (int x = 0; x < width; x++, at += components, in += n) {
                set(at, line[in]);
            }
        }
    }

    private void ensureLine(int y) {
        int needed = (y + 1) * lineSamples;
        int capacity = bytes != null ? bytes.length : shorts.length;
        if (needed > capacity) {
            int grown = (int) Math.min((long) lineSamples * height, Math.max(needed, 2L * capacity));
            if (bytes != null) {
                bytes = Arrays.copyOf(bytes, grown);
            } else {
                shorts = Arrays.copyOf(shorts, grown);
            }
        }
    }

    int get(int index) {
        return bytes != null ? bytes[index] & 0xFF : shorts[index] & 0xFFFF;
    }

    void set(int index, int value) {
        if (bytes != null) {
            bytes[index] = (byte) value;
        } else {
            shorts[index] = (short) value;
        }
    }

    /** The finished image; every line must have been stored. */
    RawImage toRawImage() {
        return bytes != null ? RawImage.ofBytes(width, height, components, precision, bytes)
                : RawImage.ofShorts(width, height, components, precision, shorts);
    }
}
