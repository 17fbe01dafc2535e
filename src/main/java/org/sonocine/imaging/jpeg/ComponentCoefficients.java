package org.sonocine.imaging.jpeg;

/**
 * The quantized DCT coefficients of one component of a progressive frame, kept from scan to scan until the frame
 * is complete: 64 per block in natural order, as libjpeg's 16-bit JCOEF. The block grid covers the whole MCUs of
 * interleaved scans, since those code the padding blocks too; only the first {@code blocksWide x blocksHigh}
 * blocks are part of the image.
 */
final class ComponentCoefficients {
    final int blocksWide;
    final int blocksHigh;
    /** Blocks per row of {@link #values}, at least {@link #blocksWide}. */
    final int stride;
    final short[] values;

    ComponentCoefficients(int blocksWide, int blocksHigh, int stride, int rows) {
        this.blocksWide = blocksWide;
        this.blocksHigh = blocksHigh;
        this.stride = stride;
        this.values = new short[stride * rows * 64];
    }

    /** Index in {@link #values} of the first coefficient of the block in block row {@code row}, column {@code col}. */
    int offset(int row, int col) {
        return (row * stride + col) * 64;
    }
}
