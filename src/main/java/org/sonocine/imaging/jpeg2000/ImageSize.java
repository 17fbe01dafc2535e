package org.sonocine.imaging.jpeg2000;

/**
 * The image and tile grid of a codestream's SIZ segment (ISO/IEC 15444-1 A.5.1), on the reference grid.
 *
 * @param x0         XOsiz, the image's left edge
 * @param y0         YOsiz
 * @param x1         Xsiz, one past the image's right edge
 * @param y1         Ysiz
 * @param tileWidth  XTsiz
 * @param tileHeight YTsiz
 * @param tileX0     XTOsiz, the first tile's left edge
 * @param tileY0     YTOsiz
 * @param components each component's precision, sign and subsampling
 */
record ImageSize(long x0, long y0, long x1, long y1, long tileWidth, long tileHeight, long tileX0, long tileY0,
                 Component[] components) {

    /** One component: Ssiz and XRsiz, YRsiz. */
    record Component(int precision, boolean signed, int dx, int dy) {
    }

    int tilesAcross() {
        return (int) ceilDiv(x1 - tileX0, tileWidth);
    }

    int tilesDown() {
        return (int) ceilDiv(y1 - tileY0, tileHeight);
    }

    long tileCount() {
        return ceilDiv(x1 - tileX0, tileWidth) * ceilDiv(y1 - tileY0, tileHeight);
    }

    /** The rectangle {x0, y0, x1, y1} of tile {@code t} on the reference grid (B-7). */
    long[] tile(int t) {
        int p = t % tilesAcross();
        int q = t / tilesAcross();
        return new long[] {Math.max(tileX0 + p * tileWidth, x0), Math.max(tileY0 + q * tileHeight, y0),
            Math.min(tileX0 + (p + 1) * tileWidth, x1), Math.min(tileY0 + (q + 1) * tileHeight, y1)};
    }

    /** Component c's image width, ⌈x1/dx⌉ − ⌈x0/dx⌉. */
    int componentWidth(int c) {
        int dx = components[c].dx();
        return (int) (ceilDiv(x1, dx) - ceilDiv(x0, dx));
    }

    int componentHeight(int c) {
        int dy = components[c].dy();
        return (int) (ceilDiv(y1, dy) - ceilDiv(y0, dy));
    }

    static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
