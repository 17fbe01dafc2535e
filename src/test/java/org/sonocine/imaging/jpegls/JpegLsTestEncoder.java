package org.sonocine.imaging.jpegls;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A plain JPEG-LS encoder (T.87 Annex A, encoder side) written for the tests, independent of the decoder's
 * code: it produces codestreams with features the shared samples lack (any bit depth, colour, the three
 * interleave modes, near-lossless, restart intervals, LSE preset parameters, HP colour transforms), and reports
 * the samples a conforming decoder must reconstruct. Written for clarity, not speed.
 */
final class JpegLsTestEncoder {
    private static final int[] J = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 9,
        10, 11, 12, 13, 14, 15};

    /**
     * What to encode and how.
     *
     * @param presets        LSE type 1 values {MAXVAL, T1, T2, T3, RESET} (0 = default), or null for no LSE
     * @param colorTransform 0 for none, 1 to 3 for HP1 to HP3 (applied here, signalled in APP8 "mrfx")
     */
    record Options(int bits, int components, int interleave, int near, int restartInterval, int[] presets,
                   int colorTransform) {

        static Options lossless(int bits, int components, int interleave) {
            return new Options(bits, components, interleave, 0, 0, null, 0);
        }

        Options withNear(int value) {
            return new Options(bits, components, interleave, value, restartInterval, presets, colorTransform);
        }

        Options withRestartInterval(int lines) {
            return new Options(bits, components, interleave, near, lines, presets, colorTransform);
        }

        Options withPresets(int... values) {
            return new Options(bits, components, interleave, near, restartInterval, values, colorTransform);
        }

        Options withColorTransform(int transform) {
            return new Options(bits, components, interleave, near, restartInterval, presets, transform);
        }

        int maxVal() {
            return presets != null && presets[0] != 0 ? presets[0] : (1 << bits) - 1;
        }

        @Override
        public String toString() {
            return bits + "-bit, " + components + (components == 1 ? " component" : " components, ILV " + interleave)
                    + (near > 0 ? ", NEAR " + near : "")
                    + (restartInterval > 0 ? ", restarts every " + restartInterval : "")
                    + (presets != null ? ", LSE " + Arrays.toString(presets) : "")
                    + (colorTransform > 0 ? ", HP" + colorTransform : "");
        }
    }

    /** The codestream and the samples (interleaved by pixel) that decoding it must give. */
    record Encoded(byte[] codestream, int[] reconstructed) {
    }

    private final Options options;
    private final int width;
    private final int height;
    private final int maxVal;
    private final int near;
    private final int t1;
    private final int t2;
    private final int t3;
    private final int reset;
    private final int range;
    private final int qbpp;
    private final int limit;
    private int[] a;
    private int[] b;
    private int[] c;
    private int[] n;
    private int[] nn;
    private int runIndex;
    private BitWriter out;

    private JpegLsTestEncoder(Options options, int width, int height) {
        this.options = options;
        this.width = width;
        this.height = height;
        this.maxVal = options.maxVal();
        this.near = options.near();
        int[] p = options.presets() != null ? options.presets() : new int[5];
        int[] defaults = defaultThresholds(maxVal, near);
        this.t1 = p[1] != 0 ? p[1] : defaults[0];
        this.t2 = p[2] != 0 ? p[2] : defaults[1];
        this.t3 = p[3] != 0 ? p[3] : defaults[2];
        this.reset = p[4] != 0 ? p[4] : 64;
        this.range = (maxVal + 2 * near) / (2 * near + 1) + 1;
        this.qbpp = ceilLog2(range);
        int bpp = Math.max(2, ceilLog2(maxVal + 1));
        this.limit = 2 * (bpp + Math.max(8, bpp));
    }

    /** Encodes {@code samples} (interleaved by pixel, each in [0, MAXVAL]). */
    static Encoded encode(int[] samples, int width, int height, Options options) {
        return new JpegLsTestEncoder(options, width, height).encode(samples);
    }

    private Encoded encode(int[] input) {
        if (options.colorTransform() != 0 && (near != 0 || options.components() != 3)) {
            throw new IllegalArgumentException("colour transforms need 3 components and lossless coding");
        }
        int components = options.components();
        int[] samples = options.colorTransform() == 0 ? input : forwardTransform(input);
        int[] reconstructed = new int[samples.length];
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        marker(stream, 0xD8);
        if (options.colorTransform() != 0) {
            marker(stream, 0xE8);
            u16(stream, 7);
            stream.writeBytes(new byte[] {'m', 'r', 'f', 'x', (byte) options.colorTransform()});
        }
        marker(stream, 0xF7);
        u16(stream, 8 + 3 * components);
        stream.write(options.bits());
        u16(stream, height);
        u16(stream, width);
        stream.write(components);
        for (int i = 0; i < components; i++) {
            stream.write(i + 1);
            stream.write(0x11);
            stream.write(0);
        }
        if (options.presets() != null) {
            marker(stream, 0xF8);
            u16(stream, 13);
            stream.write(1);
            for (int value : options.presets()) {
                u16(stream, value);
            }
        }
        if (options.restartInterval() > 0) {
            marker(stream, 0xDD);
            u16(stream, 4);
            u16(stream, options.restartInterval());
        }
        if (options.interleave() == 0 || components == 1) {
            for (int i = 0; i < components; i++) {
                scanHeader(stream, new int[] {i}, 0);
                encodeScan(stream, samples, reconstructed, new int[] {i}, false);
            }
        } else {
            int[] all = new int[components];
            Arrays.setAll(all, i -> i);
            scanHeader(stream, all, options.interleave());
            encodeScan(stream, samples, reconstructed, all, options.interleave() == 2);
        }
        marker(stream, 0xD9);
        // the colour transforms are lossless only (as in CharLS), so what decodes is the input itself
        return new Encoded(stream.toByteArray(), options.colorTransform() == 0 ? reconstructed : input.clone());
    }

    private void scanHeader(ByteArrayOutputStream stream, int[] components, int interleave) {
        marker(stream, 0xDA);
        u16(stream, 6 + 2 * components.length);
        stream.write(components.length);
        for (int component : components) {
            stream.write(component + 1);
            stream.write(0);
        }
        stream.write(near);
        stream.write(interleave);
        stream.write(0);
    }

    /**
     * One scan. Lines are arrays with a border sample at each end ({@code [0]} and {@code [width + 1]}), one
     * pair per component for line/no interleaving, or one interleaved pair for sample interleaving.
     */
    private void encodeScan(ByteArrayOutputStream stream, int[] samples, int[] reconstructed, int[] scan,
                            boolean pixelInterleaved) {
        int components = options.components();
        int s = scan.length;
        int lines = pixelInterleaved ? 1 : s;
        int stride = pixelInterleaved ? s : 1;
        int[][][] buffers = new int[lines][2][(width + 2) * stride];
        int[] runIndexes = new int[lines];
        initContexts();
        out = new BitWriter(stream);
        int interval = options.restartInterval() == 0 ? height : options.restartInterval();
        for (int y = 0; y < height; y++) {
            if (y > 0 && y % interval == 0) {
                out.align();
                marker(stream, 0xD0 + ((y / interval - 1) & 7));
                out = new BitWriter(stream);
                initContexts();
                for (int[][] pair : buffers) {
                    Arrays.fill(pair[0], 0);
                    Arrays.fill(pair[1], 0);
                }
                Arrays.fill(runIndexes, 0);
            }
            for (int line = 0; line < lines; line++) {
                int[] prev = buffers[line][(y + 1) & 1];
                int[] cur = buffers[line][y & 1];
                for (int j = 0; j < stride; j++) {
                    prev[(width + 1) * stride + j] = prev[width * stride + j];
                    cur[j] = prev[stride + j];
                }
                int[] source = new int[width * stride];
                for (int x = 0; x < width; x++) {
                    for (int j = 0; j < stride; j++) {
                        int component = pixelInterleaved ? scan[j] : scan[line];
                        source[x * stride + j] = samples[(y * width + x) * components + component];
                    }
                }
                runIndex = runIndexes[line];
                encodeLine(source, prev, cur, stride);
                runIndexes[line] = runIndex;
                for (int x = 0; x < width; x++) {
                    for (int j = 0; j < stride; j++) {
                        int component = pixelInterleaved ? scan[j] : scan[line];
                        reconstructed[(y * width + x) * components + component] = cur[(x + 1) * stride + j];
                    }
                }
            }
        }
        out.align();
    }

    private void initContexts() {
        int initialA = Math.max(2, (range + 32) / 64);
        a = new int[367];
        b = new int[365];
        c = new int[365];
        n = new int[367];
        nn = new int[2];
        Arrays.fill(a, initialA);
        Arrays.fill(n, 1);
        runIndex = 0;
    }

    /** One line of {@code stride} interleaved components; cur[(x+1)*stride + j] receives the reconstruction. */
    private void encodeLine(int[] source, int[] prev, int[] cur, int stride) {
        int x = 1;
        while (x <= width) {
            boolean flat = true;
            int[] qs = new int[stride];
            for (int j = 0; j < stride; j++) {
                int p = x * stride + j;
                int ra = cur[p - stride];
                int rb = prev[p];
                int rc = prev[p - stride];
                int rd = prev[p + stride];
                qs[j] = 81 * quantize(rd - rb) + 9 * quantize(rb - rc) + quantize(rc - ra);
                flat &= qs[j] == 0;
            }
            if (flat) {
                x = encodeRun(source, prev, cur, x, stride);
            } else {
                for (int j = 0; j < stride; j++) {
                    int p = x * stride + j;
                    cur[p] = encodeRegular(source[p - stride], qs[j], cur[p - stride], prev[p], prev[p - stride]);
                }
                x++;
            }
        }
    }

    private int quantize(int d) {
        if (d <= -t3) {
            return -4;
        } else if (d <= -t2) {
            return -3;
        } else if (d <= -t1) {
            return -2;
        } else if (d < -near) {
            return -1;
        } else if (d <= near) {
            return 0;
        } else if (d < t1) {
            return 1;
        } else if (d < t2) {
            return 2;
        } else if (d < t3) {
            return 3;
        }
        return 4;
    }

    /** Regular mode, T.87 A.4 to A.6; returns the reconstructed sample. */
    private int encodeRegular(int value, int qs, int ra, int rb, int rc) {
        int sign = qs < 0 ? -1 : 1;
        int q = Math.abs(qs);
        int px;
        if (rc >= Math.max(ra, rb)) {
            px = Math.min(ra, rb);
        } else if (rc <= Math.min(ra, rb)) {
            px = Math.max(ra, rb);
        } else {
            px = ra + rb - rc;
        }
        px += sign * c[q];
        px = Math.max(0, Math.min(maxVal, px));
        int error = sign * (value - px);
        error = quantizeError(error);
        int rx = Math.max(0, Math.min(maxVal, px + sign * error * (2 * near + 1)));
        error = reduce(error);
        int k = 0;
        while ((n[q] << k) < a[q]) {
            k++;
        }
        int mapped;
        if (near == 0 && k == 0 && 2 * b[q] <= -n[q]) {
            mapped = error >= 0 ? 2 * error + 1 : -2 * (error + 1);
        } else {
            mapped = error >= 0 ? 2 * error : -2 * error - 1;
        }
        writeGolomb(mapped, k, limit);
        b[q] += error * (2 * near + 1);
        a[q] += Math.abs(error);
        if (n[q] == reset) {
            a[q] >>= 1;
            b[q] = b[q] >= 0 ? b[q] >> 1 : -((1 - b[q]) >> 1);
            n[q] >>= 1;
        }
        n[q]++;
        if (b[q] <= -n[q]) {
            b[q] += n[q];
            if (c[q] > -128) {
                c[q]--;
            }
            if (b[q] <= -n[q]) {
                b[q] = -n[q] + 1;
            }
        } else if (b[q] > 0) {
            b[q] -= n[q];
            if (c[q] < 127) {
                c[q]++;
            }
            if (b[q] > 0) {
                b[q] = 0;
            }
        }
        return near == 0 ? value : rx;
    }

    private int quantizeError(int error) {
        if (near == 0) {
            return error;
        }
        return error > 0 ? (error + near) / (2 * near + 1) : -((near - error) / (2 * near + 1));
    }

    private int reduce(int error) {
        if (error < 0) {
            error += range;
        }
        if (error >= (range + 1) / 2) {
            error -= range;
        }
        return error;
    }

    /** Run mode, T.87 A.7: from pixel x, returns the index after the last pixel coded. */
    private int encodeRun(int[] source, int[] prev, int[] cur, int x, int stride) {
        int start = x;
        while (x <= width && matchesRun(source, cur, x, start, stride)) {
            for (int j = 0; j < stride; j++) {
                cur[x * stride + j] = cur[(start - 1) * stride + j];
            }
            x++;
        }
        int run = x - start;
        while (run >= (1 << J[runIndex])) {
            out.bits(1, 1);
            run -= 1 << J[runIndex];
            if (runIndex < 31) {
                runIndex++;
            }
        }
        if (x > width) {
            if (run > 0) {
                out.bits(1, 1);
            }
            return x;
        }
        out.bits(0, 1);
        out.bits(run, J[runIndex]);
        for (int j = 0; j < stride; j++) {
            int p = x * stride + j;
            int ra = cur[p - stride];
            int rb = prev[p];
            int type = stride == 1 && Math.abs(ra - rb) <= near ? 1 : 0;
            cur[p] = encodeInterruption(source[p - stride], ra, rb, type);
        }
        if (runIndex > 0) {
            runIndex--;
        }
        return x + 1;
    }

    private boolean matchesRun(int[] source, int[] cur, int x, int start, int stride) {
        for (int j = 0; j < stride; j++) {
            if (Math.abs(source[(x - 1) * stride + j] - cur[(start - 1) * stride + j]) > near) {
                return false;
            }
        }
        return true;
    }

    /** A run-interruption sample, T.87 A.7.2; returns its reconstruction. */
    private int encodeInterruption(int value, int ra, int rb, int type) {
        int px = type == 1 ? ra : rb;
        int sign = type == 0 && ra > rb ? -1 : 1;
        int error = quantizeError(sign * (value - px));
        int rx = Math.max(0, Math.min(maxVal, px + sign * error * (2 * near + 1)));
        error = reduce(error);
        int q = 365 + type;
        int temp = type == 0 ? a[q] : a[q] + (n[q] >> 1);
        int k = 0;
        while ((n[q] << k) < temp) {
            k++;
        }
        int map;
        if (k == 0 && error > 0 && 2 * nn[type] < n[q]) {
            map = 1;
        } else if (error < 0 && 2 * nn[type] >= n[q]) {
            map = 1;
        } else if (error < 0 && k != 0) {
            map = 1;
        } else {
            map = 0;
        }
        int mapped = 2 * Math.abs(error) - type - map;
        writeGolomb(mapped, k, limit - J[runIndex] - 1);
        if (error < 0) {
            nn[type]++;
        }
        a[q] += (mapped + 1 - type) >> 1;
        if (n[q] == reset) {
            a[q] >>= 1;
            n[q] >>= 1;
            nn[type] >>= 1;
        }
        n[q]++;
        return near == 0 ? value : rx;
    }

    /** Limited-length Golomb code LG(k, glimit), T.87 A.5.3. */
    private void writeGolomb(int mapped, int k, int glimit) {
        int high = mapped >> k;
        if (high < glimit - qbpp - 1) {
            out.bits(0, high);
            out.bits(1, 1);
            out.bits(mapped & ((1 << k) - 1), k);
        } else {
            out.bits(0, glimit - qbpp - 1);
            out.bits(1, 1);
            out.bits(mapped - 1, qbpp);
        }
    }

    private int[] forwardTransform(int[] rgb) {
        int mask = (1 << options.bits()) - 1;
        int half = (mask + 1) / 2;
        int quarter = (mask + 1) / 4;
        int[] out = new int[rgb.length];
        for (int i = 0; i < rgb.length; i += 3) {
            int r = rgb[i];
            int g = rgb[i + 1];
            int bl = rgb[i + 2];
            switch (options.colorTransform()) {
                case 1 -> {
                    out[i] = (r - g + half) & mask;
                    out[i + 1] = g;
                    out[i + 2] = (bl - g + half) & mask;
                }
                case 2 -> {
                    out[i] = (r - g + half) & mask;
                    out[i + 1] = g;
                    out[i + 2] = (bl - ((r + g) >> 1) - half) & mask;
                }
                case 3 -> {
                    int v2 = (bl - g + half) & mask;
                    int v3 = (r - g + half) & mask;
                    out[i] = (g + ((v2 + v3) >> 2) - quarter) & mask;
                    out[i + 1] = v2;
                    out[i + 2] = v3;
                }
                default -> throw new IllegalArgumentException("colour transform " + options.colorTransform());
            }
        }
        return out;
    }

    private static int[] defaultThresholds(int maxVal, int near) {
        int t1;
        int t2;
        int t3;
        if (maxVal >= 128) {
            int factor = (Math.min(maxVal, 4095) + 128) / 256;
            t1 = clamp(factor * (3 - 2) + 2 + 3 * near, near + 1, maxVal);
            t2 = clamp(factor * (7 - 3) + 3 + 5 * near, t1, maxVal);
            t3 = clamp(factor * (21 - 4) + 4 + 7 * near, t2, maxVal);
        } else {
            int factor = 256 / (maxVal + 1);
            t1 = clamp(Math.max(2, 3 / factor + 3 * near), near + 1, maxVal);
            t2 = clamp(Math.max(3, 7 / factor + 5 * near), t1, maxVal);
            t3 = clamp(Math.max(4, 21 / factor + 7 * near), t2, maxVal);
        }
        return new int[] {t1, t2, t3};
    }

    private static int clamp(int i, int j, int maxVal) {
        return i > maxVal || i < j ? j : i;
    }

    private static int ceilLog2(int value) {
        int bits = 0;
        while ((1 << bits) < value) {
            bits++;
        }
        return bits;
    }

    private static void marker(ByteArrayOutputStream stream, int code) {
        stream.write(0xFF);
        stream.write(code);
    }

    private static void u16(ByteArrayOutputStream stream, int value) {
        stream.write(value >> 8);
        stream.write(value);
    }

    /** Bits to bytes, MSB first, with a zero bit stuffed after every 0xFF byte (T.87 A.1). */
    private static final class BitWriter {
        private final ByteArrayOutputStream stream;
        private int current;
        private int filled;
        private int capacity = 8;

        BitWriter(ByteArrayOutputStream stream) {
            this.stream = stream;
        }

        void bits(int value, int count) {
            for (int i = count - 1; i >= 0; i--) {
                current = current << 1 | ((value >>> i) & 1);
                if (++filled == capacity) {
                    stream.write(current);
                    capacity = current == 0xFF ? 7 : 8;
                    current = 0;
                    filled = 0;
                }
            }
        }

        /** Pads the last byte with zeros; a final 0xFF gets its zero byte so that no marker is mistaken. */
        void align() {
            while (filled != 0) {
                bits(0, 1);
            }
            if (capacity == 7) {
                bits(0, 7);
            }
        }
    }
}
