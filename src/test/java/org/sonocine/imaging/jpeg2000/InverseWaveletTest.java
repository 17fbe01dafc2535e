package org.sonocine.imaging.jpeg2000;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class InverseWaveletTest {
    private static final int[][] TILES = {
            {0, 0, 1, 1}, {1, 1, 2, 2}, {0, 0, 2, 1}, {1, 0, 3, 1}, {3, 5, 4, 6}, {0, 0, 7, 5}, {1, 1, 8, 6},
            {5, 3, 22, 19}, {2, 7, 40, 9}, {13, 1, 14, 30}, {0, 0, 64, 64}, {17, 33, 118, 70}, {0, 0, 70, 3}};

    @Test
    void reversibleMatchesTheStandardsProcedureAtAnyOriginAndSize() {
        Random random = new Random(1);
        for (int[] tile : TILES) {
            for (int levels = 0; levels <= 5; levels++) {
                int[][] res = WaveletTestSupport.resolutions(tile, levels);
                int width = tile[2] - tile[0];
                int height = tile[3] - tile[1];
                int stride = width + 3;
                int[] plane = new int[2 + stride * height];
                for (int i = 0; i < plane.length; i++) {
                    plane[i] = random.nextInt(2001) - 1000;
                }
                int[] expected = plane.clone();
                WaveletTestSupport.naiveInverse53(expected, 2, stride, res);
                InverseWavelet.reversible53(plane, 2, stride, res);
                assertArrayEquals(expected, plane, () -> "tile " + java.util.Arrays.toString(tile));
            }
        }
    }

    @Test
    void reversibleInvertsTheForwardTransformExactly() {
        Random random = new Random(2);
        for (int[] tile : TILES) {
            for (int levels = 0; levels <= 6; levels++) {
                int[][] res = WaveletTestSupport.resolutions(tile, levels);
                int width = tile[2] - tile[0];
                int height = tile[3] - tile[1];
                int[] image = new int[width * height];
                for (int i = 0; i < image.length; i++) {
                    image[i] = random.nextInt(65536) - 32768;
                }
                int[] plane = image.clone();
                WaveletTestSupport.forward53(plane, 0, width, res);
                InverseWavelet.reversible53(plane, 0, width, res);
                assertArrayEquals(image, plane);
            }
        }
    }

    @Test
    void irreversibleMatchesTheStandardsProcedureAtAnyOriginAndSize() {
        Random random = new Random(3);
        for (int[] tile : TILES) {
            for (int levels = 0; levels <= 5; levels++) {
                int[][] res = WaveletTestSupport.resolutions(tile, levels);
                int width = tile[2] - tile[0];
                int height = tile[3] - tile[1];
                float[] plane = new float[width * height];
                for (int i = 0; i < plane.length; i++) {
                    plane[i] = random.nextFloat() * 200 - 100;
                }
                float[] expected = plane.clone();
                WaveletTestSupport.naiveInverse97(expected, 0, width, res);
                InverseWavelet.irreversible97(plane, 0, width, res);
                for (int i = 0; i < plane.length; i++) {
                    assertEquals(expected[i], plane[i], 1e-3, "sample " + i);
                }
            }
        }
    }

    @Test
    void irreversibleInvertsTheForwardTransformWithinFloatPrecision() {
        Random random = new Random(4);
        for (int[] tile : TILES) {
            for (int levels = 0; levels <= 6; levels++) {
                int[][] res = WaveletTestSupport.resolutions(tile, levels);
                int width = tile[2] - tile[0];
                int height = tile[3] - tile[1];
                float[] image = new float[width * height];
                for (int i = 0; i < image.length; i++) {
                    image[i] = random.nextInt(4096) - 2048;
                }
                float[] plane = image.clone();
                WaveletTestSupport.forward97(plane, 0, width, res);
                InverseWavelet.irreversible97(plane, 0, width, res);
                for (int i = 0; i < plane.length; i++) {
                    assertEquals(image[i], plane[i], 0.02, "sample " + i);
                }
            }
        }
    }

    /** The band gains the step sizes assume: low-pass passes DC unchanged, high-pass doubles the Nyquist tone. */
    @Test
    void irreversibleHasTheStandardsNominalGains() {
        int n = 32;
        int[][] res = WaveletTestSupport.resolutions(new int[] {0, 0, n, 1}, 1);
        float[] constant = new float[n];
        java.util.Arrays.fill(constant, 100f);
        WaveletTestSupport.forward97(constant, 0, n, res);
        for (int i = 0; i < n / 2; i++) {
            assertEquals(100f, constant[i], 0.01f);
            assertEquals(0f, constant[n / 2 + i], 0.01f);
        }
        float[] tone = new float[n];
        for (int i = 0; i < n; i++) {
            tone[i] = (i & 1) == 0 ? 10f : -10f;
        }
        WaveletTestSupport.forward97(tone, 0, n, res);
        for (int i = 0; i < n / 2; i++) {
            assertEquals(0f, tone[i], 0.01f);
            assertEquals(20f, Math.abs(tone[n / 2 + i]), 0.01f);
        }
    }

    @Test
    void loneOddSampleIsHalvedAndLoneEvenSampleKept() {
        int[] odd = {14};
        InverseWavelet.reversible53(odd, 0, 1, new int[][] {{1, 1, 1, 1}, {1, 1, 2, 2}});
        assertEquals(3, odd[0]); // halved across and down: 14 / 2 / 2, truncated
        int[] even = {14};
        InverseWavelet.reversible53(even, 0, 1, new int[][] {{1, 1, 1, 1}, {2, 2, 3, 3}});
        assertEquals(14, even[0]);
    }
}
