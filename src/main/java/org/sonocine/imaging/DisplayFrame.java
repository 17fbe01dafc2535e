package org.sonocine.imaging;

/**
 * A frame ready for the screen: {@code width} x {@code height} opaque pixels packed as ARGB ints (which, being
 * opaque, are also premultiplied ARGB), row by row.
 */
public record DisplayFrame(int index, int width, int height, int[] argb) {

    public int pixel(int x, int y) {
        return argb[y * width + x];
    }
}
