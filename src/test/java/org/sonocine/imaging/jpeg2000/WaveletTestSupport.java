package org.sonocine.imaging.jpeg2000;

/**
 * Test-side wavelet code written independently of {@link InverseWavelet}: the resolutions of Eq. B-14, the forward
 * transforms (for round trips) and the inverse procedure of Annex F done literally (interleave, periodic symmetric
 * extension, lifting on absolute coordinates), to check the fast code against.
 */
final class WaveletTestSupport {
    private static final double ALPHA = -1.586134342059924;
    private static final double BETA = -0.052980118572961;
    private static final double GAMMA = 0.882911075530934;
    private static final double DELTA = 0.443506852043971;
    private static final double K = 1.230174104914001;
    /** The high-pass synthesis scaling the decoder uses in place of 1/K (the reference decoder's 13318/16384). */
    private static final double INV_K_HIGH = 13318.0 / 16384.0;

    private WaveletTestSupport() {
    }

    static int[][] resolutions(int[] tile, int levels) {
        int[][] res = new int[levels + 1][];
        for (int r = 0; r <= levels; r++) {
            int shift = levels - r;
            res[r] = new int[] {ceilShift(tile[0], shift), ceilShift(tile[1], shift), ceilShift(tile[2], shift),
                    ceilShift(tile[3], shift)};
        }
        return res;
    }

    private static int ceilShift(int v, int s) {
        return (v + (1 << s) - 1) >> s;
    }

    // ---- forward, for round trips: per level columns first, then rows (the inverse runs rows, then columns)

    static void forward53(int[] a, int offset, int stride, int[][] res) {
        for (int r = res.length - 1; r >= 1; r--) {
            int[] q = res[r];
            int w = q[2] - q[0];
            int h = q[3] - q[1];
            for (int x = 0; x < w; x++) {
                int[] line = new int[h];
                for (int y = 0; y < h; y++) {
                    line[y] = a[offset + y * stride + x];
                }
                line = forward53Line(line, q[1]);
                for (int y = 0; y < h; y++) {
                    a[offset + y * stride + x] = line[y];
                }
            }
            for (int y = 0; y < h; y++) {
                int[] line = new int[w];
                System.arraycopy(a, offset + y * stride, line, 0, w);
                System.arraycopy(forward53Line(line, q[0]), 0, a, offset + y * stride, w);
            }
        }
    }

    /** One line starting at absolute coordinate i0, returned as low-pass then high-pass samples. */
    private static int[] forward53Line(int[] x, int i0) {
        int n = x.length;
        if (n == 1) {
            return new int[] {(i0 & 1) == 1 ? 2 * x[0] : x[0]};
        }
        int[] y = x.clone();
        for (int j = 0; j < n; j++) {
            if (((i0 + j) & 1) == 1) {
                y[j] = x[j] - Math.floorDiv(x[mirror(j - 1, n)] + x[mirror(j + 1, n)], 2);
            }
        }
        for (int j = 0; j < n; j++) {
            if (((i0 + j) & 1) == 0) {
                y[j] = x[j] + Math.floorDiv(y[mirror(j - 1, n)] + y[mirror(j + 1, n)] + 2, 4);
            }
        }
        return deinterleave(y, i0);
    }

    static void forward97(float[] a, int offset, int stride, int[][] res) {
        for (int r = res.length - 1; r >= 1; r--) {
            int[] q = res[r];
            int w = q[2] - q[0];
            int h = q[3] - q[1];
            for (int x = 0; x < w; x++) {
                double[] line = new double[h];
                for (int y = 0; y < h; y++) {
                    line[y] = a[offset + y * stride + x];
                }
                line = forward97Line(line, q[1]);
                for (int y = 0; y < h; y++) {
                    a[offset + y * stride + x] = (float) line[y];
                }
            }
            for (int y = 0; y < h; y++) {
                double[] line = new double[w];
                for (int x = 0; x < w; x++) {
                    line[x] = a[offset + y * stride + x];
                }
                line = forward97Line(line, q[0]);
                for (int x = 0; x < w; x++) {
                    a[offset + y * stride + x] = (float) line[x];
                }
            }
        }
    }

    private static double[] forward97Line(double[] x, int i0) {
        int n = x.length;
        if (n == 1) {
            return new double[] {(i0 & 1) == 1 ? 2 * x[0] : x[0]};
        }
        double[] y = x.clone();
        liftForward(y, i0, 1, ALPHA);
        liftForward(y, i0, 0, BETA);
        liftForward(y, i0, 1, GAMMA);
        liftForward(y, i0, 0, DELTA);
        for (int j = 0; j < n; j++) {
            y[j] = ((i0 + j) & 1) == 0 ? y[j] / K : y[j] / INV_K_HIGH;
        }
        double[] out = new double[n];
        int low = InverseWavelet.lowCount(i0, i0 + n);
        int li = 0;
        int hi = low;
        for (int j = 0; j < n; j++) {
            out[((i0 + j) & 1) == 0 ? li++ : hi++] = y[j];
        }
        return out;
    }

    private static void liftForward(double[] y, int i0, int parity, double c) {
        int n = y.length;
        for (int j = 0; j < n; j++) {
            if (((i0 + j) & 1) == parity) {
                y[j] += c * (y[mirror(j - 1, n)] + y[mirror(j + 1, n)]);
            }
        }
    }

    private static int mirror(int j, int n) {
        int period = 2 * (n - 1);
        int m = Math.floorMod(j, period);
        return Math.min(m, period - m);
    }

    private static int[] deinterleave(int[] y, int i0) {
        int n = y.length;
        int[] out = new int[n];
        int li = 0;
        int hi = InverseWavelet.lowCount(i0, i0 + n);
        for (int j = 0; j < n; j++) {
            out[((i0 + j) & 1) == 0 ? li++ : hi++] = y[j];
        }
        return out;
    }

    // ---- the inverse procedure of Annex F (2D_SR: 2D_INTERLEAVE, HOR_SR, VER_SR; 1D_SR with 1D_EXTR, 1D_FILTR)

    static void naiveInverse53(int[] a, int offset, int stride, int[][] res) {
        for (int r = 1; r < res.length; r++) {
            int[] q = res[r];
            int w = q[2] - q[0];
            int h = q[3] - q[1];
            long[][] img = interleave(a, offset, stride, q);
            for (int y = 0; y < h; y++) {
                img[y] = filtr53(img[y], q[0]);
            }
            for (int x = 0; x < w; x++) {
                long[] col = new long[h];
                for (int y = 0; y < h; y++) {
                    col[y] = img[y][x];
                }
                col = filtr53(col, q[1]);
                for (int y = 0; y < h; y++) {
                    a[offset + y * stride + x] = (int) col[y];
                }
            }
        }
    }

    static void naiveInverse97(float[] a, int offset, int stride, int[][] res) {
        for (int r = 1; r < res.length; r++) {
            int[] q = res[r];
            int w = q[2] - q[0];
            int h = q[3] - q[1];
            double[][] img = new double[h][w];
            int lowX = InverseWavelet.lowCount(q[0], q[2]);
            int lowY = InverseWavelet.lowCount(q[1], q[3]);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    img[y][x] = a[offset + mallat(q[1] + y, q[1], lowY) * stride + mallat(q[0] + x, q[0], lowX)];
                }
            }
            for (int y = 0; y < h; y++) {
                img[y] = filtr97(img[y], q[0]);
            }
            for (int x = 0; x < w; x++) {
                double[] col = new double[h];
                for (int y = 0; y < h; y++) {
                    col[y] = img[y][x];
                }
                col = filtr97(col, q[1]);
                for (int y = 0; y < h; y++) {
                    a[offset + y * stride + x] = (float) col[y];
                }
            }
        }
    }

    private static long[][] interleave(int[] a, int offset, int stride, int[] q) {
        int w = q[2] - q[0];
        int h = q[3] - q[1];
        int lowX = InverseWavelet.lowCount(q[0], q[2]);
        int lowY = InverseWavelet.lowCount(q[1], q[3]);
        long[][] img = new long[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img[y][x] = a[offset + mallat(q[1] + y, q[1], lowY) * stride + mallat(q[0] + x, q[0], lowX)];
            }
        }
        return img;
    }

    /** Where absolute coordinate i of an interval starting at i0 sits in the band-ordered layout. */
    private static int mallat(int i, int i0, int low) {
        return (i & 1) == 0 ? i / 2 - (i0 + 1) / 2 : low + i / 2 - i0 / 2;
    }

    private static final int PAD = 6;

    private static long[] filtr53(long[] yIn, int i0) {
        int n = yIn.length;
        int i1 = i0 + n;
        if (n == 0) {
            return yIn;
        }
        if (n == 1) {
            return new long[] {(i0 & 1) == 1 ? yIn[0] / 2 : yIn[0]};
        }
        long[] y = new long[n + 2 * PAD]; // index i - i0 + PAD
        for (int i = i0 - PAD; i < i1 + PAD; i++) {
            y[i - i0 + PAD] = yIn[pse(i, i0, i1) - i0];
        }
        long[] x = new long[y.length];
        for (int i = i0 - PAD + 1; i < i1 + PAD - 1; i++) {
            if ((i & 1) == 0) {
                int k = i - i0 + PAD;
                x[k] = y[k] - Math.floorDiv(y[k - 1] + y[k + 1] + 2, 4);
            }
        }
        for (int i = i0; i < i1; i++) {
            if ((i & 1) == 1) {
                int k = i - i0 + PAD;
                x[k] = y[k] + Math.floorDiv(x[k - 1] + x[k + 1], 2);
            }
        }
        long[] out = new long[n];
        System.arraycopy(x, PAD, out, 0, n);
        return out;
    }

    private static double[] filtr97(double[] yIn, int i0) {
        int n = yIn.length;
        int i1 = i0 + n;
        if (n == 0) {
            return yIn;
        }
        if (n == 1) {
            return new double[] {(i0 & 1) == 1 ? yIn[0] / 2 : yIn[0]};
        }
        double[] y = new double[n + 2 * PAD];
        for (int i = i0 - PAD; i < i1 + PAD; i++) {
            y[i - i0 + PAD] = yIn[pse(i, i0, i1) - i0];
        }
        int lo = i0 - PAD;
        int hi = i1 + PAD;
        for (int i = lo; i < hi; i++) {
            y[i - lo] *= (i & 1) == 0 ? K : INV_K_HIGH;
        }
        double[] coef = {DELTA, GAMMA, BETA, ALPHA};
        for (int step = 0; step < 4; step++) {
            int parity = step & 1;
            lo++;
            hi--;
            double[] next = y.clone();
            for (int i = lo; i < hi; i++) {
                if ((i & 1) == parity) {
                    int k = i - i0 + PAD;
                    next[k] = y[k] - coef[step] * (y[k - 1] + y[k + 1]);
                }
            }
            y = next;
        }
        double[] out = new double[n];
        System.arraycopy(y, PAD, out, 0, n);
        return out;
    }

    /** Eq. F-4, the periodic symmetric extension. */
    private static int pse(int i, int i0, int i1) {
        int period = 2 * (i1 - i0 - 1);
        int m = Math.floorMod(i - i0, period);
        return i0 + Math.min(m, period - m);
    }
}
