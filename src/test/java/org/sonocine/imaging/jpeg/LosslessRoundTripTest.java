package org.sonocine.imaging.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.imaging.codec.RawImage;

/**
 * Encodes synthetic images with the test encoder and decodes them: the decoder must return every sample exactly
 * (reduced by the point transform), over all predictors, precisions, component counts and restart settings.
 */
class LosslessRoundTripTest {
    private static final int WIDTH = 23;
    private static final int HEIGHT = 17;

    static Stream<Arguments> settings() {
        List<Arguments> all = new ArrayList<>();
        for (int predictor = 1; predictor <= 7; predictor++) {
            for (int precision : new int[] {2, 8, 12, 16}) {
                for (int components : new int[] {1, 3}) {
                    for (int pointTransform : new int[] {0, 2}) {
                        if (pointTransform >= precision) {
                            continue;
                        }
                        for (int restartRows : new int[] {0, 1, 5}) {
                            all.add(Arguments.of(predictor, precision, components, pointTransform, restartRows,
                                    true));
                        }
                        if (components > 1) {
                            all.add(Arguments.of(predictor, precision, components, pointTransform, 2, false));
                        }
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "predictor {0}, {1} bits, {2} components, Pt {3}, restart every {4} rows, "
            + "interleaved {5}")
    @MethodSource("settings")
    void decodesWhatWasEncoded(int predictor, int precision, int components, int pointTransform, int restartRows,
            boolean interleaved) throws DecodeException {
        int[][] planes = syntheticPlanes(components, precision, predictor * 1000L + precision);
        byte[] jpeg = LosslessJpegEncoder.encode(planes, WIDTH, HEIGHT, precision, predictor, pointTransform,
                restartRows * WIDTH, interleaved);

        RawImage image = JpegDecoder.decode(jpeg, 0, jpeg.length);

        assertEquals(WIDTH, image.width());
        assertEquals(HEIGHT, image.height());
        assertEquals(components, image.components());
        assertEquals(precision, image.precision());
        assertArrayEquals(expectedSamples(planes, pointTransform), actualSamples(image));
    }

    /** Full-size components of WIDTH x HEIGHT. */
    static int[][] syntheticPlanes(int components, int precision, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] planes = new int[components][];
        for (int c = 0; c < components; c++) {
            planes[c] = syntheticPlane(WIDTH, HEIGHT, precision, c, random);
        }
        return planes;
    }

    /** Smooth ramps, hard edges, noise and the extreme values, so that large and wrapping differences occur. */
    static int[] syntheticPlane(int width, int height, int precision, int variant, SplittableRandom random) {
        int max = (1 << precision) - 1;
        int[] plane = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int value;
                if ((x + y + variant) % 11 == 0) {
                    value = random.nextInt(max + 1);
                } else if (x > width / 2 && y % 4 < 2) {
                    value = (x & 1) == 0 ? max : 0;
                } else {
                    value = (int) ((long) max * (x * 3 + y * 5 + variant * 7) / (width * 3 + height * 5 + 14));
                }
                plane[y * width + x] = value;
            }
        }
        return plane;
    }

    static Stream<Arguments> samplings() {
        return Stream.of(
                Arguments.of(new int[] {2, 1, 1}, new int[] {2, 1, 1}, true, 0),
                Arguments.of(new int[] {2, 1, 1}, new int[] {2, 1, 1}, true, 12),
                Arguments.of(new int[] {2, 1, 1}, new int[] {1, 1, 1}, true, 24),
                Arguments.of(new int[] {1, 2, 1}, new int[] {1, 1, 2}, true, 12),
                Arguments.of(new int[] {2, 1, 1}, new int[] {2, 1, 1}, false, 0),
                Arguments.of(new int[] {2, 1, 1}, new int[] {2, 1, 1}, false, 48),
                Arguments.of(new int[] {2, 1, 1}, new int[] {1, 1, 1}, false, 24),
                Arguments.of(new int[] {1, 2, 1}, new int[] {1, 1, 2}, false, 48));
    }

    /**
     * Subsampled components come out replicated to full size, as libjpeg upsamples lossless images (no "fancy"
     * filter). Restart intervals here fall on rows of iMCUs; see the next test for one that does not.
     */
    @ParameterizedTest(name = "h {0}, v {1}, interleaved {2}, restart interval {3}")
    @MethodSource("samplings")
    void subsampledComponentsAreReplicatedToFullSize(int[] h, int[] v, boolean interleaved, int restartInterval)
            throws DecodeException {
        int width = 24;
        int height = 17;
        int maxH = Arrays.stream(h).max().orElseThrow();
        int maxV = Arrays.stream(v).max().orElseThrow();
        SplittableRandom random = new SplittableRandom(restartInterval);
        int[][] planes = new int[3][];
        int[] widths = new int[3];
        for (int c = 0; c < 3; c++) {
            widths[c] = LosslessJpegEncoder.componentWidth(width, h[c], maxH);
            planes[c] = syntheticPlane(widths[c], LosslessJpegEncoder.componentHeight(height, v[c], maxV), 8, c,
                    random);
        }
        byte[] jpeg = LosslessJpegEncoder.encode(planes, width, height, h, v, 8, 4, 0, restartInterval,
                interleaved);

        RawImage image = JpegDecoder.decode(jpeg, 0, jpeg.length);

        int[] expected = new int[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < 3; c++) {
                    int row = y / (maxV / v[c]);
                    int column = x / (maxH / h[c]);
                    expected[(y * width + x) * 3 + c] = planes[c][row * widths[c] + column];
                }
            }
        }
        assertArrayEquals(expected, actualSamples(image));
    }

    /**
     * A quirk of DCMTK's lossless libjpeg, reproduced because DCMTK is the reference: in a scan of one component
     * with two lines per row of iMCUs, a restart before the second line resets the predictor of the first line of
     * that row instead. The SHA-256 is that of DCMTK 3.6.7's decode of this very codestream (dcmdjpeg), which
     * differs from the encoded image.
     */
    @Test
    void restartInsideARowOfIMcusResetsItsFirstLineAsDcmtkDoes() throws DecodeException {
        int[] h = {2, 1, 1};
        int[] v = {2, 1, 1};
        SplittableRandom random = new SplittableRandom(99);
        int[][] planes = {
            syntheticPlane(24, 17, 8, 0, random), syntheticPlane(12, 9, 8, 1, random),
            syntheticPlane(12, 9, 8, 2, random),
        };
        byte[] jpeg = LosslessJpegEncoder.encode(planes, 24, 17, h, v, 8, 1, 0, 24, false);

        RawImage image = JpegDecoder.decode(jpeg, 0, jpeg.length);

        assertEquals("1d62469dd292e15868ca42e429e182b1440f8d5849dea6fbd9db9ddc1000367f",
                JpegSamples.sha256(image.bytes()));
        int[] encodedLine1 = Arrays.copyOfRange(planes[0], 24, 48);
        int[] decodedLine1 = new int[24];
        for (int x = 0; x < 24; x++) {
            decodedLine1[x] = image.bytes()[(24 + x) * 3] & 0xFF;
        }
        assertFalse(Arrays.equals(encodedLine1, decodedLine1), "DCMTK's decode of line 1 is not the encoded line");
    }

    static int[] expectedSamples(int[][] planes, int pointTransform) {
        int n = planes.length;
        int[] expected = new int[WIDTH * HEIGHT * n];
        for (int i = 0; i < WIDTH * HEIGHT; i++) {
            for (int c = 0; c < n; c++) {
                expected[i * n + c] = planes[c][i] >> pointTransform << pointTransform;
            }
        }
        return expected;
    }

    static int[] actualSamples(RawImage image) {
        int[] actual = new int[image.width() * image.height() * image.components()];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = image.isWide() ? image.shorts()[i] & 0xFFFF : image.bytes()[i] & 0xFF;
        }
        return actual;
    }
}
