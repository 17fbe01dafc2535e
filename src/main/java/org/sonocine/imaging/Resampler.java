package org.sonocine.imaging;

/**
 * Resizes ARGB frames with a separable area filter: each target pixel averages the source pixels it covers
 * (weighted by how much of each it covers), which keeps speckle from aliasing when shrinking; enlarging
 * interpolates linearly. Done on the decoding threads, so that the screen only ever draws frames 1:1.
 */
final class Resampler {
    /** For each target coordinate: the first source index and the weights of the consecutive sources. */
    record Taps(int sourceSize, int[] first, float[][] weights) {
    }

    /** The filter taps of one resize, kept for the next frame of the same sizes. */
    static final class Plan {
        private final Taps horizontal;
        private final Taps vertical;

        Plan(int sourceWidth, int sourceHeight, int width, int height) {
            horizontal = taps(sourceWidth, width);
            vertical = taps(sourceHeight, height);
        }

        boolean fits(DisplayFrame source) {
            return horizontal.sourceSize == source.width() && vertical.sourceSize == source.height();
        }
    }

    private Resampler() {
    }

    static DisplayFrame resize(DisplayFrame source, int width, int height) {
        if (source.width() == width && source.height() == height) {
            return source;
        }
        return resize(source, new Plan(source.width(), source.height(), width, height), new int[width * height],
                new float[source.height() * width * 3]);
    }

    /**
     * {@code source} resized by {@code plan} into {@code out} (width x height of the plan's target), with
     * {@code rows} (at least source height x target width x 3 floats) as scratch.
     */
    static DisplayFrame resize(DisplayFrame source, Plan plan, int[] out, float[] rows) {
        Taps horizontal = plan.horizontal;
        Taps vertical = plan.vertical;
        int width = horizontal.first.length;
        int height = vertical.first.length;
        int sw = source.width();
        int sh = source.height();
        int[] in = source.argb();
        for (int y = 0; y < sh; y++) {
            int rowIn = y * sw;
            int rowOut = y * width * 3;
            for (int x = 0; x < width; x++) {
                float r = 0;
                float g = 0;
                float b = 0;
                int s = horizontal.first[x];
                float[] w = horizontal.weights[x];
                for (int k = 0; k < w.length; k++) {
                    int p = in[rowIn + s + k];
                    r += w[k] * ((p >> 16) & 0xFF);
                    g += w[k] * ((p >> 8) & 0xFF);
                    b += w[k] * (p & 0xFF);
                }
                rows[rowOut + 3 * x] = r;
                rows[rowOut + 3 * x + 1] = g;
                rows[rowOut + 3 * x + 2] = b;
            }
        }
        for (int y = 0; y < height; y++) {
            int s = vertical.first[y];
            float[] w = vertical.weights[y];
            for (int x = 0; x < width; x++) {
                float r = 0;
                float g = 0;
                float b = 0;
                for (int k = 0; k < w.length; k++) {
                    int at = ((s + k) * width + x) * 3;
                    r += w[k] * rows[at];
                    g += w[k] * rows[at + 1];
                    b += w[k] * rows[at + 2];
                }
                out[y * width + x] = 0xFF000000 | clamp(r) << 16 | clamp(g) << 8 | clamp(b);
            }
        }
        return new DisplayFrame(source.index(), width, height, out);
    }

    private static int clamp(float v) {
        int i = (int) (v + 0.5f);
        return i < 0 ? 0 : Math.min(255, i);
    }

    private static Taps taps(int sourceSize, int targetSize) {
        int[] first = new int[targetSize];
        float[][] weights = new float[targetSize][];
        double scale = (double) sourceSize / targetSize;
        for (int t = 0; t < targetSize; t++) {
            if (scale >= 1) {
                double from = t * scale;
                double to = Math.min(sourceSize, from + scale);
                int lo = (int) Math.floor(from);
                int hi = Math.min(sourceSize, (int) Math.ceil(to));
                float[] w = new float[Math.max(1, hi - lo)];
                for (int s = lo; s < hi; s++) {
                    double covered = Math.min(to, s + 1) - Math.max(from, s);
                    w[s - lo] = (float) (covered / scale);
                }
                first[t] = lo;
                weights[t] = w;
            } else {
                double centre = (t + 0.5) * scale - 0.5;
                int lo = (int) Math.floor(centre);
                double frac = centre - lo;
                if (lo < 0) {
                    first[t] = 0;
                    weights[t] = new float[] {1};
                } else if (lo + 1 >= sourceSize) {
                    first[t] = sourceSize - 1;
                    weights[t] = new float[] {1};
                } else {
                    first[t] = lo;
                    weights[t] = new float[] {(float) (1 - frac), (float) frac};
                }
            }
        }
        return new Taps(sourceSize, first, weights);
    }
}
