package org.sonocine.imaging.jpeg2000;

/**
 * The inverse discrete wavelet transforms of ISO/IEC 15444-1 Annex F, in place on one tile-component's plane.
 *
 * <p>Layout: the plane holds the tile-component's coefficients from {@code offset}, {@code stride} apart per row, in
 * Mallat order: for each resolution r the rectangle of width x1−x0 and height y1−y0 sits at the top-left, with the
 * lower resolution's result (LL) top-left, HL top-right, LH bottom-left and HH bottom-right. The band sizes follow
 * from the resolutions' coordinates (resolution r−1 spans ⌈x/2⌉ of resolution r's), and the parity of a
 * resolution's origin decides which samples are low-pass. After the call the rectangle of the highest resolution
 * holds the reconstructed tile-component.
 *
 * <p>{@code resolutions[r]} is {x0, y0, x1, y1} of resolution r, for r = 0 (the coarsest, the LL band alone) to N
 * (the tile-component itself).
 */
public final class InverseWavelet {
    private InverseWavelet() {
    }

    /** The reversible 5/3 transform with integer lifting (exact). */
    public static void reversible53(int[] plane, int offset, int stride, int[][] resolutions) {
        // TODO body
    }

    /** The irreversible 9/7 transform with floating-point lifting. */
    public static void irreversible97(float[] plane, int offset, int stride, int[][] resolutions) {
        // TODO body
    }
}
