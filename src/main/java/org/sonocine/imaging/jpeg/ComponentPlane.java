package org.sonocine.imaging.jpeg;

/**
 * The decoded samples of one component at its own (possibly subsampled) resolution. The array may be larger than
 * {@code width x height}: DCT planes hold whole 8x8 blocks, {@code stride} samples per row, {@code rows} rows.
 */
final class ComponentPlane {
    final int width;
    final int height;
    final int stride;
    final int rows;
    final short[] samples;

    ComponentPlane(int width, int height, int stride, int rows) {
        this.width = width;
        this.height = height;
        this.stride = stride;
        this.rows = rows;
        this.samples = new short[stride * rows];
    }
}
