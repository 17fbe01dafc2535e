package org.sonocine.imaging.jpeg2000;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SigProp and MagRef passes, which OpenJPH does not make: a cleanup segment OpenJPH coded is read one bit-plane
 * higher, and a refinement segment coded here (from the standard's description of the two passes) adds the plane
 * below it. The decoded block must hold exactly the refined values, with the bin midpoint in the new lowest plane
 * for refined samples and in the cleanup's plane for those that MagRef did not reach.
 */
class HtRefinementPassesTest {
    @TempDir
    Path dir;

    @BeforeEach
    void needsOpenJph() {
        OpenJph.assumeInstalled();
    }

    @Test
    void sigPropAndMagRefRefineTheCleanupPlane() throws Exception {
        int seed = 1;
        for (int[] shape : new int[][] {{64, 64}, {37, 21}, {5, 7}, {128, 32}, {16, 3}}) {
            for (int passes = 2; passes <= 3; passes++) {
                for (boolean causal : new boolean[] {false, true}) {
                    check(shape[0], shape[1], passes, causal, seed++);
                }
            }
        }
    }

    private void check(int width, int height, int passes, boolean causal, int seed) throws Exception {
        int[] pixels = sparse(width, height, seed);
        byte[] codestream = OpenJph.compress(dir, pixels, width, height, 1, 8, "-reversible", "true",
                "-num_decomps", "0", "-block_size", "{" + blockSide(width) + "," + blockSide(height) + "}");
        CodeBlock coded = SingleBlockCodestream.parse(codestream, CodeBlock.HIGH_THROUGHPUT).block();
        int[] cleanup = new int[width * height];
        new HtBlockDecoder().decode(coded, cleanup, 0, width);
        int style = CodeBlock.HIGH_THROUGHPUT | (causal ? CodeBlock.VERTICALLY_CAUSAL : 0);

        Refinement refinement = refine(cleanup, width, height, passes, causal, new Random(seed));
        int[] expected = refinement.expected();
        byte[] segment = refinement.segment();
        int cleanupLength = coded.segmentLengths()[0];
        byte[] data = java.util.Arrays.copyOf(coded.data(), cleanupLength + segment.length);
        System.arraycopy(segment, 0, data, cleanupLength, segment.length);
        CodeBlock refined = new CodeBlock(width, height, CodeBlock.Band.LL, coded.magnitudeBits() + 1,
                coded.zeroBitPlanes(), passes, style, data, new int[] {cleanupLength, segment.length},
                new int[] {1, passes - 1});
        int[] decoded = new int[width * height];
        new HtBlockDecoder().decode(refined, decoded, 0, width);
        assertThat(HtBlockDecoderRoundTripTest.firstDifference(decoded, expected))
                .as("%dx%d, %d passes, causal %s", width, height, passes, causal).isEqualTo("none");
    }

    /**
     * A refinement segment's two streams for a block whose cleanup pass decoded to {@code cleanup} (read one plane
     * higher than it was coded), with random refinement and significance bits, and the values they should give.
     */
    record Refinement(byte[] sigProp, int[] magRefUnits, int[] expected) {
        byte[] segment() {
            byte[] segment = java.util.Arrays.copyOf(sigProp, sigProp.length + magRefUnits.length);
            for (int k = 0; k < magRefUnits.length; k++) {
                segment[segment.length - 1 - k] = (byte) magRefUnits[k];
            }
            return segment;
        }
    }

    static Refinement refine(int[] cleanup, int width, int height, int passes, boolean causal, Random random) {
        int[] expected = new int[width * height];
        HtStreamWriters.ForwardLsb sigProp = new HtStreamWriters.ForwardLsb();
        HtStreamWriters.Backward magRef = new HtStreamWriters.Backward(false);
        boolean[] significant = new boolean[width * height];
        for (int i = 0; i < cleanup.length; i++) {
            significant[i] = cleanup[i] != 0;
        }
        // MagRef: a bit for each cleanup-significant sample, stripe by stripe, column by column
        for (int y0 = 0; y0 < height; y0 += 4) {
            for (int x = 0; x < width; x++) {
                for (int y = y0; y < Math.min(y0 + 4, height); y++) {
                    int i = y * width + x;
                    if (significant[i]) {
                        int mu = Math.abs(cleanup[i]) >> 1;
                        int sign = cleanup[i] < 0 ? -1 : 1;
                        if (passes == 3) {
                            int bit = random.nextInt(2);
                            magRef.put(bit, 1);
                            expected[i] = sign * (2 * (2 * mu + bit) + 1);
                        } else {
                            expected[i] = sign * ((2 * mu + 1) << 1);
                        }
                    }
                }
            }
        }
        // SigProp: per stripe and group of four columns, the significance bits of samples with a significant
        // neighbour (counting those found earlier in the scan), then the signs of those that became significant
        boolean[] now = significant.clone();
        for (int y0 = 0; y0 < height; y0 += 4) {
            for (int x0 = 0; x0 < width; x0 += 4) {
                java.util.List<Integer> found = new java.util.ArrayList<>();
                for (int x = x0; x < Math.min(x0 + 4, width); x++) {
                    for (int y = y0; y < Math.min(y0 + 4, height); y++) {
                        int i = y * width + x;
                        if (!now[i] && hasSignificantNeighbour(now, width, height, x, y,
                                causal && y == y0 + 3)) {
                            int bit = random.nextInt(3) == 0 ? 1 : 0;
                            sigProp.put(bit, 1);
                            if (bit == 1) {
                                now[i] = true;
                                found.add(i);
                            }
                        }
                    }
                }
                for (int i : found) {
                    int negative = random.nextInt(2);
                    sigProp.put(negative, 1);
                    expected[i] = negative == 1 ? -3 : 3;
                }
            }
        }
        return new Refinement(sigProp.finish(), passes == 3 ? magRef.units() : new int[0], expected);
    }

    private static boolean hasSignificantNeighbour(boolean[] significant, int width, int height, int x, int y,
                                                   boolean skipBelow) {
        for (int dy = -1; dy <= (skipBelow ? 0 : 1); dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int nx = x + dx;
                int ny = y + dy;
                if ((dx != 0 || dy != 0) && nx >= 0 && ny >= 0 && nx < width && ny < height
                        && significant[ny * width + nx]) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Mostly mid-grey with scattered values, so that SigProp has both candidates and non-candidates. */
    private static int[] sparse(int width, int height, int seed) {
        Random random = new Random(seed);
        int[] pixels = new int[width * height];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt(6) == 0 ? random.nextInt(256) : 128;
        }
        return pixels;
    }

    private static int blockSide(int size) {
        return Math.max(4, Integer.highestOneBit(size * 2 - 1));
    }
}
