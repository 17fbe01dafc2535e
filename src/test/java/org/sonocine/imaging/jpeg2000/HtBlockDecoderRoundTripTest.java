package org.sonocine.imaging.jpeg2000;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The HT block decoder on single code-blocks that OpenJPH coded losslessly without wavelet levels. */
class HtBlockDecoderRoundTripTest {
    @TempDir
    Path dir;

    @BeforeEach
    void needsOpenJph() {
        OpenJph.assumeInstalled();
    }

    @Test
    void decodesSmoothEightBitBlockLosslessly() throws Exception {
        roundTrip(64, 64, 8, smooth(64, 64, 8, 1));
    }

    @Test
    void decodesNoisySixteenBitBlockOfOddSize() throws Exception {
        roundTrip(37, 21, 16, noise(37, 21, 16, 2));
    }

    @Test
    void decodesTwelveBitBlocksOfManyShapes() throws Exception {
        int[][] shapes = {{1, 1}, {2, 2}, {3, 5}, {4, 64}, {64, 4}, {128, 32}, {1, 100}, {100, 1}, {17, 63}};
        int seed = 10;
        for (int[] shape : shapes) {
            roundTrip(shape[0], shape[1], 12, mixed(shape[0], shape[1], 12, seed++));
        }
    }

    @Test
    void decodesBlockThatIsMostlyZero() throws Exception {
        int[] pixels = new int[64 * 64];
        java.util.Arrays.fill(pixels, 128);
        pixels[64 * 30 + 17] = 255;
        pixels[64 * 63 + 63] = 0;
        roundTrip(64, 64, 8, pixels);
    }

    private void roundTrip(int width, int height, int bitDepth, int[] pixels) throws Exception {
        int blockWidth = Integer.highestOneBit(Math.max(width, 4) * 2 - 1);
        int blockHeight = Integer.highestOneBit(Math.max(height, 4) * 2 - 1);
        while (blockWidth * blockHeight > 4096) {
            if (blockWidth > blockHeight) {
                blockWidth >>= 1;
            } else {
                blockHeight >>= 1;
            }
        }
        byte[] codestream = OpenJph.compress(dir, pixels, width, height, 1, bitDepth, "-reversible", "true",
                "-num_decomps", "0", "-block_size", "{" + blockWidth + "," + blockHeight + "}");
        SingleBlockCodestream.Parsed parsed = SingleBlockCodestream.parse(codestream, CodeBlock.HIGH_THROUGHPUT);
        int[] out = new int[width * height + 7];
        new HtBlockDecoder().decode(parsed.block(), out, 3, width);
        int[] decoded = new int[width * height];
        for (int i = 0; i < decoded.length; i++) {
            decoded[i] = out[3 + i] / 2 + (1 << (bitDepth - 1));
        }
        assertThat(firstDifference(decoded, pixels)).as("%dx%d %d-bit %s: first differing sample", width, height,
                bitDepth, parsed.block()).isEqualTo("none");
    }

    static String firstDifference(int[] actual, int[] expected) {
        for (int i = 0; i < expected.length; i++) {
            if (actual[i] != expected[i]) {
                return "#" + i + ": " + actual[i] + " instead of " + expected[i];
            }
        }
        return "none";
    }

    static int[] smooth(int width, int height, int bitDepth, int seed) {
        int max = (1 << bitDepth) - 1;
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double v = 0.5 + 0.4 * Math.sin((x + seed) / 7.0) * Math.cos(y / 5.0);
                pixels[y * width + x] = (int) Math.round(v * max);
            }
        }
        return pixels;
    }

    static int[] noise(int width, int height, int bitDepth, int seed) {
        Random random = new Random(seed);
        int[] pixels = new int[width * height];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt(1 << bitDepth);
        }
        return pixels;
    }

    static int[] mixed(int width, int height, int bitDepth, int seed) {
        Random random = new Random(seed);
        int[] pixels = smooth(width, height, bitDepth, seed);
        for (int i = 0; i < pixels.length; i++) {
            if (random.nextInt(8) == 0) {
                pixels[i] = random.nextInt(1 << bitDepth);
            } else if (random.nextInt(3) == 0) {
                pixels[i] = 1 << (bitDepth - 1);
            }
        }
        return pixels;
    }
}
