package org.sonocine.imaging.jpeg;

/**
 * The decoded samples of one component at its own (possibly subsampled) resolution. The array may be larger than
 * {@code width x height}: DCT planes hold whole 8x8 blocks, {@code stride} samples per row.
 */
final class ComponentPlane {
    final int width;
    final int height;
    final int stride;
    /** Rows the array holds (at least {@code height}). */
    final int rows;
    final short[] samples;
    /** Whether any scan coded this component; libjpeg shows a component without a scan as mid-grey. */
    boolean coded;

    ComponentPlane(int width, int height, int stride, int rows) {
        this.width = width;
        this.height = height;
        this.stride = stride;
        this.rows = rows;
        this.samples = new short[stride * rows];
    }
}
