package org.sonocine.imaging.jpeg2000;

import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.imaging.codec.RawImage;

/**
 * The decoded image, interleaved by pixel, that tiles write their samples into once DC-shifted and clamped to
 * their component's range. All components must share one grid (no subsampling relative to each other).
 */
final class ImageSamples {
    private final ImageSize size;
    private final int width;
    private final int height;
    private final int count;
    private final int precision;
    private final byte[] bytes;
    private final short[] shorts;
    private final int originX;
    private final int originY;

    ImageSamples(ImageSize size) throws DecodeException {
        this.size = size;
        ImageSize.Component[] cs = size.components();
        count = cs.length;
        int p = 0;
        for (ImageSize.Component c : cs) {
            if (c.dx() != cs[0].dx() || c.dy() != cs[0].dy()) {
                throw new DecodeException("the JPEG 2000 components are subsampled differently ("
                        + c.dx() + " x " + c.dy() + " and " + cs[0].dx() + " x " + cs[0].dy()
                        + "), which this decoder does not support");
            }
            p = Math.max(p, c.precision());
        }
        precision = p;
        width = size.componentWidth(0);
        height = size.componentHeight(0);
        originX = (int) ImageSize.ceilDiv(size.x0(), cs[0].dx());
        originY = (int) ImageSize.ceilDiv(size.y0(), cs[0].dy());
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
        int x0 = tc.x0 - originX;
        int y0 = tc.y0 - originY;
        int[] ints = plane instanceof int[] i ? i : null;
        float[] floats = ints == null ? (float[]) plane : null;
        for (int y = 0; y < h; y++) {
            int in = y * w;
            int out = ((y0 + y) * width + x0) * count + c;
            for (int x = 0; x < w; x++, in++, out += count) {
                int v = ints != null ? ints[in] : (int) Math.rint(floats[in]);
                v += shift;
                v = v < min ? min : Math.min(v, max);
                if (bytes != null) {
                    bytes[out] = (byte) v;
                } else {
                    shorts[out] = (short) v;
                }
            }
        }
    }

    RawImage image() {
        return bytes != null ? RawImage.ofBytes(width, height, count, precision, bytes)
                : RawImage.ofShorts(width, height, count, precision, shorts);
    }
}
