package org.sonocine.imaging.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sonocine.imaging.DecodeException;
import org.sonocine.imaging.RawImage;

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

    /** Smooth ramps, hard edges, noise and the extreme values, so that large and wrapping differences occur. */
    static int[][] syntheticPlanes(int components, int precision, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int max = (1 << precision) - 1;
        int[][] planes = new int[components][WIDTH * HEIGHT];
        for (int c = 0; c < components; c++) {
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    int value;
                    if ((x + y + c) % 11 == 0) {
                        value = random.nextInt(max + 1);
                    } else if (x > WIDTH / 2 && y % 4 < 2) {
                        value = (x & 1) == 0 ? max : 0;
                    } else {
                        value = (int) ((long) max * (x * 3 + y * 5 + c * 7) / (WIDTH * 3 + HEIGHT * 5 + 14));
                    }
                    planes[c][y * WIDTH + x] = value;
                }
            }
        }
        return planes;
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
