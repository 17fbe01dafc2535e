package org.sonocine.imaging.jpeg;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * The quantized DCT coefficients of a test image, for {@link DctJpegEncoder}: either synthetic (gradients, hard
 * edges and noise, so that there are coefficients of every size, made with a floating-point forward DCT, T.81
 * A.3.3, of each component's samples) or given block by block. Blocks cover the whole MCUs of an interleaved scan,
 * the synthetic padding beyond the image repeating its edge samples.
 */
final class CoefficientImage {
    private final int width;
    private final int height;
    private final int precision;
    private final int[] h;
    private final int[] v;
    private final int maxH;
    private final int maxV;
    private final int restartInterval;
    private final int[][] quant;
    /** Per component, blocks row by row over the padded grid, 64 coefficients each in natural order. */
    private final int[][][] blocks;
    private final int[] gridWide;

    private CoefficientImage(int width, int height, int precision, int[] h, int[] v, int restartInterval) {
        this.width = width;
        this.height = height;
        this.precision = precision;
        this.h = h;
        this.v = v;
        this.maxH = Arrays.stream(h).max().orElseThrow();
        this.maxV = Arrays.stream(v).max().orElseThrow();
        this.restartInterval = restartInterval;
        this.quant = new int[h.length][];
        this.blocks = new int[h.length][][];
        this.gridWide = new int[h.length];
        for (int c = 0; c < h.length; c++) {
            gridWide[c] = FrameHeader.ceilDiv(width, 8 * maxH) * h[c];
            blocks[c] = new int[gridWide[c] * gridHigh(c)][];
        }
    }

    /**
     * A {@code width x height} image of {@code precision} bits with components sampled {@code h[c] x v[c]}, its
     * coders to restart every {@code restartInterval} MCUs (0: never).
     */
    static CoefficientImage synthetic(int width, int height, int precision, int[] h, int[] v, int restartInterval,
            long seed) {
        CoefficientImage image = new CoefficientImage(width, height, precision, h, v, restartInterval);
        SplittableRandom random = new SplittableRandom(seed);
        for (int c = 0; c < h.length; c++) {
            int[] quant = new int[64];
            for (int k = 0; k < 64; k++) {
                // small steps keep large coefficients; 12-bit tables get a few above 255 (16-bit DQT entries)
                quant[k] = 2 + (k * 7 + c * 5) % 13 + (precision > 8 && k > 60 ? 300 : 0);
            }
            image.quant[c] = quant;
            int[][] samples = image.samples(c, random);
            for (int row = 0; row < image.gridHigh(c); row++) {
                for (int col = 0; col < image.gridWide[c]; col++) {
                    image.blocks[c][row * image.gridWide[c] + col] = image.forwardDct(samples, row, col, quant);
                }
            }
        }
        return image;
    }

    /** A one-component image whose block at (row, col) has the coefficients (natural order) {@code blockAt} gives. */
    static CoefficientImage grey(int width, int height, int precision, int[] quant,
            BiFunction<Integer, Integer, int[]> blockAt) {
        CoefficientImage image = new CoefficientImage(width, height, precision, new int[] {1}, new int[] {1}, 0);
        image.quant[0] = quant;
        for (int row = 0; row < image.gridHigh(0); row++) {
            for (int col = 0; col < image.gridWide[0]; col++) {
                image.blocks[0][row * image.gridWide[0] + col] = blockAt.apply(row, col);
            }
        }
        return image;
    }

    private int gridHigh(int c) {
        return FrameHeader.ceilDiv(height, 8 * maxV) * v[c];
    }

    private int[][] samples(int c, SplittableRandom random) {
        int w = componentWidth(c);
        int ht = componentHeight(c);
        int max = (1 << precision) - 1;
        int[][] s = new int[ht][w];
        for (int y = 0; y < ht; y++) {
            for (int x = 0; x < w; x++) {
                double value = (x * 3 + y * 2 + c * 40) / (double) (3 * w + 2 * ht + 80) * max;
                if ((x / 5 + y / 7 + c) % 3 == 0) {
                    value = max - value;
                }
                value += random.nextInt(max / 16 + 1) - max / 32;
                s[y][x] = (int) Math.max(0, Math.min(max, Math.round(value)));
            }
        }
        return s;
    }

    private int[] forwardDct(int[][] samples, int row, int col, int[] q) {
        int ht = samples.length;
        int w = samples[0].length;
        double[] f = new double[64];
        int shift = 1 << (precision - 1);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                int sy = Math.min(row * 8 + y, ht - 1);
                int sx = Math.min(col * 8 + x, w - 1);
                f[y * 8 + x] = samples[sy][sx] - shift;
            }
        }
        int[] out = new int[64];
        for (int vv = 0; vv < 8; vv++) {
            for (int u = 0; u < 8; u++) {
                double sum = 0;
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        sum += f[y * 8 + x] * Math.cos((2 * x + 1) * u * Math.PI / 16)
                                * Math.cos((2 * y + 1) * vv * Math.PI / 16);
                    }
                }
                double cu = u == 0 ? Math.sqrt(0.5) : 1;
                double cv = vv == 0 ? Math.sqrt(0.5) : 1;
                int k = vv * 8 + u;
                out[k] = (int) Math.round(0.25 * cu * cv * sum / q[k]);
            }
        }
        return out;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    int precision() {
        return precision;
    }

    int componentCount() {
        return h.length;
    }

    int h(int c) {
        return h[c];
    }

    int v(int c) {
        return v[c];
    }

    int maxH() {
        return maxH;
    }

    int maxV() {
        return maxV;
    }

    int restartInterval() {
        return restartInterval;
    }

    int[] quantTable(int c) {
        return quant[c];
    }

    int componentWidth(int c) {
        return FrameHeader.ceilDiv(width * h[c], maxH);
    }

    int componentHeight(int c) {
        return FrameHeader.ceilDiv(height * v[c], maxV);
    }

    /** Blocks a non-interleaved scan of component {@code c} codes per row: those the image needs. */
    int blocksWide(int c) {
        return FrameHeader.ceilDiv(componentWidth(c), 8);
    }

    int blocksHigh(int c) {
        return FrameHeader.ceilDiv(componentHeight(c), 8);
    }

    /** The coefficients (natural order) of the block in block row {@code row}, column {@code col}. */
    int[] block(int c, int row, int col) {
        return blocks[c][row * gridWide[c] + col];
    }
}
