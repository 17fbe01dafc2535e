package org.sonocine.imaging.jpeg2000;

/**
 * The inverse discrete wavelet transforms of ISO/IEC 15444-1 Annex F, in place on one tile-component's plane.
 *
 * <p>Layout: the plane holds the tile-component's coefficients from {@code offset}, {@code stride} apart per row, in
 * Mallat order: for each resolution r the rectangle of width x1−x0 and height y1−y0 sits at the top-left, with the
 * lower resolution's result (LL) top-left, HL top-right, LH bottom-left and HH bottom-right. The band sizes follow
 * from the resolution's coordinates (⌈x1/2⌉ − ⌈x0/2⌉ low-pass samples across), and the parity of its origin
 * decides which samples are low-pass. After the call the rectangle of the highest resolution holds the
 * reconstructed tile-component.
 *
 * <p>{@code resolutions[r]} is {x0, y0, x1, y1} of resolution r, for r = 0 (the coarsest, the LL band alone) to N
 * (the tile-component itself).
 *
 * <p>Scaling of the 9/7 transform is the standard's (low-pass × K, high-pass × 1/K, that constant as the reference
 * decoder rounds it), so its input must be dequantised with the step sizes of Eq. E-3 whose nominal range R_b
 * includes the band's gain bits (0 for LL, 1 for HL and LH, 2 for HH).
 *
 * <p>Each level runs the rows first, then the columns (HOR_SR before VER_SR), which the integer rounding of the 5/3
 * transform requires to invert the encoder exactly. Columns are lifted in strips of adjacent columns so that every
 * row access stays within a few cache lines.
 */
public final class InverseWavelet {
    /** Columns lifted together in the vertical pass. */
    private static final int STRIP = 32;

    private static final float ALPHA = -1.586134342059924f;
    private static final float BETA = -0.052980118572961f;
    private static final float GAMMA = 0.882911075530934f;
    private static final float DELTA = 0.443506852043971f;
    private static final float K = 1.230174104914001f;
    /**
     * The high-pass scaling: 1/K as the widely deployed reference decoder rounds it (2/K = 13318/8192, a constant
     * kept from its fixed-point days). It differs from 1/K by 3·10⁻⁵ relative, well inside the standard's
     * tolerance, and using it makes lossy 16-bit images match that decoder sample for sample.
     */
    private static final float INV_K = 13318f / 8192f / 2f;

    private InverseWavelet() {
    }

    /** The reversible 5/3 transform with integer lifting (exact). */
    public static void reversible53(int[] plane, int offset, int stride, int[][] resolutions) {
        int[] top = resolutions[resolutions.length - 1];
        int maxWidth = Math.max(1, top[2] - top[0]);
        int maxHeight = Math.max(1, top[3] - top[1]);
        int[] line = new int[maxWidth];
        int[] strip = new int[maxHeight * Math.min(STRIP, maxWidth)];
        for (int r = 1; r < resolutions.length; r++) {
            int[] res = resolutions[r];
            int width = res[2] - res[0];
            int height = res[3] - res[1];
            if (width <= 0 || height <= 0) {
                continue;
            }
            int lowX = lowCount(res[0], res[2]);
            int lowY = lowCount(res[1], res[3]);
            int parityX = res[0] & 1;
            int parityY = res[1] & 1;
            for (int y = 0; y < height; y++) {
                rows53(plane, offset + y * stride, width, lowX, parityX, line);
            }
            for (int x = 0; x < width; x += STRIP) {
                columns53(plane, offset + x, stride, height, lowY, parityY, Math.min(STRIP, width - x), strip);
            }
        }
    }

    /** The irreversible 9/7 transform with floating-point lifting. */
    public static void irreversible97(float[] plane, int offset, int stride, int[][] resolutions) {
        int[] top = resolutions[resolutions.length - 1];
        int maxWidth = Math.max(1, top[2] - top[0]);
        int maxHeight = Math.max(1, top[3] - top[1]);
        float[] line = new float[maxWidth];
        float[] strip = new float[maxHeight * Math.min(STRIP, maxWidth)];
        for (int r = 1; r < resolutions.length; r++) {
            int[] res = resolutions[r];
            int width = res[2] - res[0];
            int height = res[3] - res[1];
            if (width <= 0 || height <= 0) {
                continue;
            }
            int lowX = lowCount(res[0], res[2]);
            int lowY = lowCount(res[1], res[3]);
            int parityX = res[0] & 1;
            int parityY = res[1] & 1;
            for (int y = 0; y < height; y++) {
                rows97(plane, offset + y * stride, width, lowX, parityX, line);
            }
            for (int x = 0; x < width; x += STRIP) {
                columns97(plane, offset + x, stride, height, lowY, parityY, Math.min(STRIP, width - x), strip);
            }
        }
    }

    /** Low-pass samples of the interval [from, to): those at even coordinates. */
    static int lowCount(int from, int to) {
        return ((to + 1) >> 1) - ((from + 1) >> 1);
    }

    private static void rows53(int[] a, int base, int n, int low, int parity, int[] t) {
        if (n == 1) {
            if (parity == 1) {
                a[base] /= 2; // F.3.7: a lone sample at an odd coordinate is high-pass, doubled by the analysis
            }
            return;
        }
        for (int k = 0; k < low; k++) {
            t[parity + 2 * k] = a[base + k];
        }
        for (int k = 0, h = n - low; k < h; k++) {
            t[1 - parity + 2 * k] = a[base + low + k];
        }
        // update the even (low-pass) samples; the mirror of t[-1] is t[1], of t[n] is t[n-2]
        int j = parity;
        if (j == 0) {
            t[0] -= (t[1] + 1) >> 1;
            j = 2;
        }
        for (; j < n - 1; j += 2) {
            t[j] -= (t[j - 1] + t[j + 1] + 2) >> 2;
        }
        if (j == n - 1) {
            t[j] -= (t[j - 1] + 1) >> 1;
        }
        // predict the odd (high-pass) samples
        j = 1 - parity;
        if (j == 0) {
            t[0] += t[1];
            j = 2;
        }
        for (; j < n - 1; j += 2) {
            t[j] += (t[j - 1] + t[j + 1]) >> 1;
        }
        if (j == n - 1) {
            t[j] += t[j - 1];
        }
        System.arraycopy(t, 0, a, base, n);
    }

    private static void columns53(int[] a, int base, int stride, int n, int low, int parity, int w, int[] t) {
        if (n == 1) {
            if (parity == 1) {
                for (int c = 0; c < w; c++) {
                    a[base + c] /= 2;
                }
            }
            return;
        }
        for (int k = 0; k < low; k++) {
            System.arraycopy(a, base + k * stride, t, (parity + 2 * k) * w, w);
        }
        for (int k = 0, h = n - low; k < h; k++) {
            System.arraycopy(a, base + (low + k) * stride, t, (1 - parity + 2 * k) * w, w);
        }
        int j = parity;
        if (j == 0) {
            for (int c = 0; c < w; c++) {
                t[c] -= (t[w + c] + 1) >> 1;
            }
            j = 2;
        }
        for (; j < n - 1; j += 2) {
            int p = j * w;
            for (int c = 0; c < w; c++) {
                t[p + c] -= (t[p - w + c] + t[p + w + c] + 2) >> 2;
            }
        }
        if (j == n - 1) {
            int p = j * w;
            for (int c = 0; c < w; c++) {
                t[p + c] -= (t[p - w + c] + 1) >> 1;
            }
        }
        j = 1 - parity;
        if (j == 0) {
            for (int c = 0; c < w; c++) {
                t[c] += t[w + c];
            }
            j = 2;
        }
        for (; j < n - 1; j += 2) {
            int p = j * w;
            for (int c = 0; c < w; c++) {
                t[p + c] += (t[p - w + c] + t[p + w + c]) >> 1;
            }
        }
        if (j == n - 1) {
            int p = j * w;
            for (int c = 0; c < w; c++) {
                t[p + c] += t[p - w + c];
            }
        }
        for (int k = 0; k < n; k++) {
            System.arraycopy(t, k * w, a, base + k * stride, w);
        }
    }

    private static void rows97(float[] a, int base, int n, int low, int parity, float[] t) {
        if (n == 1) {
            if (parity == 1) {
                a[base] *= 0.5f;
            }
            return;
        }
        for (int k = 0; k < low; k++) {
            t[parity + 2 * k] = a[base + k] * K;
        }
        for (int k = 0, h = n - low; k < h; k++) {
            t[1 - parity + 2 * k] = a[base + low + k] * INV_K;
        }
        lift97(t, n, parity, -DELTA);
        lift97(t, n, 1 - parity, -GAMMA);
        lift97(t, n, parity, -BETA);
        lift97(t, n, 1 - parity, -ALPHA);
        System.arraycopy(t, 0, a, base, n);
    }

    /** t[j] += c·(t[j−1] + t[j+1]) for j = first, first+2, …, with symmetric extension at both ends. */
    private static void lift97(float[] t, int n, int first, float c) {
        int j = first;
        if (j == 0) {
            t[0] += 2 * c * t[1];
            j = 2;
        }
        for (; j < n - 1; j += 2) {
            t[j] += c * (t[j - 1] + t[j + 1]);
        }
        if (j == n - 1) {
            t[j] += 2 * c * t[j - 1];
        }
    }

    private static void columns97(float[] a, int base, int stride, int n, int low, int parity, int w, float[] t) {
        if (n == 1) {
            if (parity == 1) {
                for (int c = 0; c < w; c++) {
                    a[base + c] *= 0.5f;
                }
            }
            return;
        }
        for (int k = 0; k < low; k++) {
            int from = base + k * stride;
            int to = (parity + 2 * k) * w;
            for (int c = 0; c < w; c++) {
                t[to + c] = a[from + c] * K;
            }
        }
        for (int k = 0, h = n - low; k < h; k++) {
            int from = base + (low + k) * stride;
            int to = (1 - parity + 2 * k) * w;
            for (int c = 0; c < w; c++) {
                t[to + c] = a[from + c] * INV_K;
            }
        }
        liftColumns97(t, n, w, parity, -DELTA);
        liftColumns97(t, n, w, 1 - parity, -GAMMA);
        liftColumns97(t, n, w, parity, -BETA);
        liftColumns97(t, n, w, 1 - parity, -ALPHA);
        for (int k = 0; k < n; k++) {
            System.arraycopy(t, k * w, a, base + k * stride, w);
        }
    }

    private static void liftColumns97(float[] t, int n, int w, int first, float c) {
        int j = first;
        float c2 = 2 * c;
        if (j == 0) {
            for (int i = 0; i < w; i++) {
                t[i] += c2 * t[w + i];
            }
            j = 2;
        }
        for (; j < n - 1; j += 2) {
            int p = j * w;
            for (int i = 0; i < w; i++) {
                t[p + i] += c * (t[p - w + i] + t[p + w + i]);
            }
        }
        if (j == n - 1) {
            int p = j * w;
            for (int i = 0; i < w; i++) {
                t[p + i] += c2 * t[p - w + i];
            }
        }
    }
}
