package org.sonocine.imaging.jpeg;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A minimal lossless JPEG (T.81 process 14) encoder for tests: any predictor, point transform, precision and
 * component count, optional restart intervals, one interleaved scan or one scan per component. Written from the
 * standard (annex H) independently of the decoder, so that round trips test the decoder against the standard.
 * Components may be subsampled; even components use Huffman table 0, odd ones table 1 (fixed tables whose codes
 * differ, so a decoder that mixes them up fails).
 */
final class LosslessJpegEncoder {
    /** Code lengths (bits 1..16) and symbols (difference categories 0..16) of the two tables. */
    private static final int[][] COUNTS = {
        {0, 0, 2, 2, 2, 2, 2, 2, 2, 1, 2, 0, 0, 0, 0, 0, 0},
        {0, 0, 1, 3, 2, 2, 2, 2, 2, 2, 1, 0, 0, 0, 0, 0, 0},
    };
    private static final int[][] SYMBOLS = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16},
        {3, 2, 4, 1, 0, 5, 6, 8, 7, 9, 10, 12, 11, 13, 15, 14, 16},
    };

    private final int width;
    private final int height;
    private final int[] h;
    private final int[] v;
    private final int maxH;
    private final int maxV;
    private final int precision;
    private final int predictor;
    private final int pointTransform;
    private final int restartInterval;
    private final int[][] codes = new int[2][17];
    private final int[][] lengths = new int[2][17];
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long bitBuffer;
    private int bitCount;

    private LosslessJpegEncoder(int width, int height, int[] h, int[] v, int precision, int predictor,
            int pointTransform, int restartInterval) {
        this.width = width;
        this.height = height;
        this.h = h;
        this.v = v;
        this.maxH = Arrays.stream(h).max().orElseThrow();
        this.maxV = Arrays.stream(v).max().orElseThrow();
        this.precision = precision;
        this.predictor = predictor;
        this.pointTransform = pointTransform;
        this.restartInterval = restartInterval;
        for (int t = 0; t < 2; t++) {
            int code = 0;
            int k = 0;
            for (int length = 1; length <= 16; length++) {
                for (int i = 0; i < COUNTS[t][length]; i++, k++) {
                    codes[t][SYMBOLS[t][k]] = code++;
                    lengths[t][SYMBOLS[t][k]] = length;
                }
                code <<= 1;
            }
        }
    }

    /**
     * Encodes full-size components {@code planes[c][y * width + x]} (values below 2^precision).
     * {@code restartInterval} counts MCUs and must be a multiple of the MCUs in a row, or 0 for none.
     */
    static byte[] encode(int[][] planes, int width, int height, int precision, int predictor, int pointTransform,
            int restartInterval, boolean interleaved) {
        int[] ones = new int[planes.length];
        Arrays.fill(ones, 1);
        return encode(planes, width, height, ones, ones, precision, predictor, pointTransform, restartInterval,
                interleaved);
    }

    /**
     * Encodes components with sampling factors {@code h[c]} x {@code v[c]}: plane c holds
     * {@link #componentWidth} x {@link #componentHeight} samples, row by row.
     */
    static byte[] encode(int[][] planes, int width, int height, int[] h, int[] v, int precision, int predictor,
            int pointTransform, int restartInterval, boolean interleaved) {
        LosslessJpegEncoder encoder = new LosslessJpegEncoder(width, height, h, v, precision, predictor,
                pointTransform, restartInterval);
        return encoder.write(planes, interleaved);
    }

    /** T.81 A.1.1: ceil(width * h / max h). */
    static int componentWidth(int width, int h, int maxH) {
        return (width * h + maxH - 1) / maxH;
    }

    static int componentHeight(int height, int v, int maxV) {
        return (height * v + maxV - 1) / maxV;
    }

    private byte[] write(int[][] planes, boolean interleaved) {
        int n = planes.length;
        marker(0xD8);
        marker(0xC3);
        u16(8 + 3 * n);
        out.write(precision);
        u16(height);
        u16(width);
        out.write(n);
        for (int c = 0; c < n; c++) {
            out.write(c + 1);
            out.write(h[c] << 4 | v[c]);
            out.write(0);
        }
        for (int t = 0; t < 2; t++) {
            marker(0xC4);
            u16(2 + 1 + 16 + SYMBOLS[t].length);
            out.write(t);
            for (int length = 1; length <= 16; length++) {
                out.write(COUNTS[t][length]);
            }
            for (int symbol : SYMBOLS[t]) {
                out.write(symbol);
            }
        }
        if (restartInterval > 0) {
            marker(0xDD);
            u16(4);
            u16(restartInterval);
        }
        if (interleaved) {
            int[] all = new int[n];
            for (int c = 0; c < n; c++) {
                all[c] = c;
            }
            scan(planes, all);
        } else {
            for (int c = 0; c < n; c++) {
                scan(planes, new int[] {c});
            }
        }
        marker(0xD9);
        return out.toByteArray();
    }

    private void scan(int[][] planes, int[] components) {
        marker(0xDA);
        u16(6 + 2 * components.length);
        out.write(components.length);
        for (int c : components) {
            out.write(c + 1);
            out.write((c % 2) << 4);
        }
        out.write(predictor);
        out.write(0);
        out.write(pointTransform);
        boolean interleaved = components.length > 1;
        // an MCU is h x v samples of each component when interleaved, one sample otherwise
        int mcusPerRow = interleaved ? (width + maxH - 1) / maxH
                : componentWidth(width, h[components[0]], maxH);
        int mcuRows = interleaved ? (height + maxV - 1) / maxV
                : componentHeight(height, v[components[0]], maxV);
        int restartRows = restartInterval / mcusPerRow;
        int restarts = 0;
        int intervalStart = 0;
        for (int my = 0; my < mcuRows; my++) {
            if (restartRows > 0 && my > 0 && my % restartRows == 0) {
                flushBits();
                marker(0xD0 + (restarts++ & 7));
                intervalStart = my;
            }
            for (int mx = 0; mx < mcusPerRow; mx++) {
                for (int c : components) {
                    int mcuW = interleaved ? h[c] : 1;
                    int mcuH = interleaved ? v[c] : 1;
                    for (int yy = 0; yy < mcuH; yy++) {
                        for (int xx = 0; xx < mcuW; xx++) {
                            int x = mx * mcuW + xx;
                            int y = my * mcuH + yy;
                            writeDifference(difference(planes[c], c, x, y, intervalStart * mcuH), c % 2);
                        }
                    }
                }
            }
        }
        flushBits();
    }

    /** The coded difference for sample (x, y) of component c; 0 for the padding beyond its edges. */
    private int difference(int[] plane, int c, int x, int y, int firstRowOfInterval) {
        int cw = componentWidth(width, h[c], maxH);
        if (x >= cw || y >= componentHeight(height, v[c], maxV)) {
            return 0;
        }
        int sample = plane[y * cw + x] >> pointTransform;
        int diff = (sample - predict(plane, cw, x, y, y == firstRowOfInterval)) & 0xFFFF;
        return diff > 32768 ? diff - 65536 : diff;
    }

    /** T.81 H.1.2.1: the prediction for the sample at (x, y) from already coded, point-transformed samples. */
    private int predict(int[] plane, int cw, int x, int y, boolean firstRow) {
        if (firstRow) {
            return x == 0 ? 1 << (precision - pointTransform - 1) : sample(plane, cw, x - 1, y);
        }
        if (x == 0) {
            return sample(plane, cw, 0, y - 1);
        }
        int ra = sample(plane, cw, x - 1, y);
        int rb = sample(plane, cw, x, y - 1);
        int rc = sample(plane, cw, x - 1, y - 1);
        return switch (predictor) {
            case 1 -> ra;
            case 2 -> rb;
            case 3 -> rc;
            case 4 -> ra + rb - rc;
            case 5 -> ra + ((rb - rc) >> 1);
            case 6 -> rb + ((ra - rc) >> 1);
            case 7 -> (ra + rb) >> 1;
            default -> throw new IllegalArgumentException("predictor " + predictor);
        };
    }

    private int sample(int[] plane, int cw, int x, int y) {
        return plane[y * cw + x] >> pointTransform;
    }

    /** T.81 H.2.2 (with F.1.2.1): category code, then the low bits of the difference (minus one if negative). */
    private void writeDifference(int diff, int table) {
        int category = diff == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(Math.abs(diff));
        writeBits(codes[table][category], lengths[table][category]);
        if (category > 0 && category < 16) {
            writeBits((diff < 0 ? diff - 1 : diff) & ((1 << category) - 1), category);
        }
    }

    private void writeBits(int value, int count) {
        bitBuffer = bitBuffer << count | value;
        bitCount += count;
        while (bitCount >= 8) {
            int b = (int) (bitBuffer >>> (bitCount - 8)) & 0xFF;
            out.write(b);
            if (b == 0xFF) {
                out.write(0);
            }
            bitCount -= 8;
        }
    }

    /** Pads the last byte with one bits (T.81 F.1.2.3). */
    private void flushBits() {
        if (bitCount > 0) {
            writeBits((1 << (8 - bitCount)) - 1, 8 - bitCount);
        }
    }

    private void marker(int code) {
        out.write(0xFF);
        out.write(code);
    }

    private void u16(int value) {
        out.write(value >> 8);
        out.write(value & 0xFF);
    }
}
