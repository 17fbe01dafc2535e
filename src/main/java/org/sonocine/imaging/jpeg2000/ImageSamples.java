package org.sonocine.imaging.jpeg2000;

import org.sonocine.imaging.codec.RawImage;

/**
 * The decoded image, interleaved by pixel, that tiles write their samples into once DC-shifted and clamped to
 * their component's range. The image is the reference grid's (Xsiz − XOsiz by Ysiz − YOsiz, what a DICOM header
 * describes); a subsampled component is brought to it by replication, each of its samples filling the
 * XRsiz × YRsiz pixels from its own position on the grid, as OpenJPEG's decoder does when asked to upsample. Pixels
 * of an image whose origin lies between two sample positions, before its component's first sample, take that
 * first sample (OpenJPEG leaves them 0).
 */
final class ImageSamples {
    private final ImageSize size;
    private final int width;
    private final int height;
    private final int count;
    private final int precision;
    private final byte[] bytes;
    private final short[] shorts;

    /** The image of {@code size}, whose sample count the codestream parser has already bounded. */
    ImageSamples(ImageSize size) {
        this.size = size;
        ImageSize.Component[] cs = size.components();
        count = cs.length;
        int p = 0;
        for (ImageSize.Component c : cs) {
            p = Math.max(p, c.precision());
        }
        precision = p;
        width = (int) (size.x1() - size.x0());
        height = (int) (size.y1() - size.y0());
        long samples = (long) width * height * count;
        if (precision <= 8) {
            bytes = new byte[(int) samples];
            shorts = null;
        } else {
            bytes = null;
            shorts = new short[(int) samples];
        }
    }

    /** Writes component {@code c} of one tile, from its reconstructed plane. */
    void put(int c, TileComponent tc, Object plane) {
        ImageSize.Component info = size.components()[c];
        int w = tc.width();
        int h = tc.height();
        int shift = info.signed() ? 0 : 1 << (info.precision() - 1);
        int min = info.signed() ? -(1 << (info.precision() - 1)) : 0;
        int max = info.signed() ? (1 << (info.precision() - 1)) - 1 : (1 << info.precision()) - 1;
        int[] ints = plane instanceof int[] i ? i : null;
        float[] floats = ints == null ? (float[]) plane : null;
        if (info.dx() != 1 || info.dy() != 1) {
            putReplicated(c, tc, info, ints, floats, shift, min, max);
            return;
        }
        int x0 = (int) (tc.x0 - size.x0());
        int y0 = (int) (tc.y0 - size.y0());
        for (int y = 0; y < h; y++) {
            int in = y * w;
            int out = ((y0 + y) * width + x0) * count + c;
            for (int x = 0; x < w; x++, in++, out += count) {
                int v = ints != null ? ints[in] : (int) Math.rint(floats[in]);
                v += shift;
                v = v < min ? min : Math.min(v, max);
                write(out, v);
            }
        }
    }

    /** A subsampled component: each sample written to every pixel it covers. */
    private void putReplicated(int c, TileComponent tc, ImageSize.Component info, int[] ints, float[] floats,
                               int shift, int min, int max) {
        int w = tc.width();
        int[] row = new int[w];
        int[] left = new int[w + 1];
        for (int x = 0; x <= w; x++) {
            left[x] = covered(tc.x0 + x, info.dx(), size.x0(), size.x1());
        }
        for (int y = 0; y < tc.height(); y++) {
            for (int x = 0; x < w; x++) {
                int in = y * w + x;
                int v = ints != null ? ints[in] : (int) Math.rint(floats[in]);
                v += shift;
                row[x] = v < min ? min : Math.min(v, max);
            }
            int top = covered(tc.y0 + y, info.dy(), size.y0(), size.y1());
            int bottom = covered(tc.y0 + y + 1, info.dy(), size.y0(), size.y1());
            for (int py = top; py < bottom; py++) {
                for (int x = 0; x < w; x++) {
                    int out = (py * width + left[x]) * count + c;
                    for (int px = left[x]; px < left[x + 1]; px++, out += count) {
                        write(out, row[x]);
                    }
                }
            }
        }
    }

    /**
     * The first image pixel (from the image's edge at {@code origin}) that component sample {@code s} covers: the
     * one at its grid position s·d, or the image's first pixel for the component's first sample, which may start
     * after it; {@code end} − origin past the last.
     */
    private static int covered(long s, int d, long origin, long end) {
        long at = s * d;
        if (at <= origin || s == ImageSize.ceilDiv(origin, d)) {
            return 0;
        }
        return (int) (Math.min(at, end) - origin);
    }

    private void write(int at, int v) {
        if (bytes != null) {
            bytes[at] = (byte) v;
        } else {
            shorts[at] = (short) v;
        }
    }

    RawImage image() {
        return bytes != null ? RawImage.ofBytes(width, height, count, precision, bytes)
                : RawImage.ofShorts(width, height, count, precision, shorts);
    }
}
