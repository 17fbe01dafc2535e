package org.sonocine.imaging.jpegls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sonocine.imaging.codec.RawImage;
import org.sonocine.imaging.jpegls.JpegLsTestEncoder.Options;

/**
 * Codestreams from the test encoder decode to what the encoder reconstructed: exactly the source when lossless,
 * within NEAR of it otherwise, over bit depths, component counts, interleave modes, restart intervals, LSE
 * preset parameters and colour transforms.
 */
class JpegLsRoundTripTest {
    private static final int WIDTH = 37;
    private static final int HEIGHT = 23;

    static Stream<Arguments> codingCases() {
        List<Arguments> cases = new ArrayList<>();
        for (int bits : new int[] {2, 5, 8, 10, 12, 16}) {
            for (int components : new int[] {1, 3}) {
                for (int interleave : components == 1 ? new int[] {0} : new int[] {0, 1, 2}) {
                    for (int near : new int[] {0, 1, 2, 3}) {
                        if (near > ((1 << bits) - 1) / 2) {
                            continue;
                        }
                        for (int restart : new int[] {0, 5}) {
                            for (String image : new String[] {"random", "smooth"}) {
                                Options options = Options.lossless(bits, components, interleave).withNear(near)
                                        .withRestartInterval(restart);
                                cases.add(Arguments.of(image, options));
                            }
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("codingCases")
    void decodesWhatTheEncoderReconstructed(String image, Options options) throws IOException {
        int[] source = image(image, options, 7);
        assertRoundTrip(source, options);
    }

    static Stream<Arguments> presetCases() {
        return Stream.of(
                // MAXVAL below the full scale, own thresholds and RESET
                Arguments.of(Options.lossless(12, 1, 0).withPresets(1000, 5, 20, 70, 32)),
                Arguments.of(Options.lossless(8, 3, 1).withPresets(0, 2, 9, 40, 16)),
                // only some fields set: the rest default
                Arguments.of(Options.lossless(16, 3, 2).withPresets(0, 0, 100, 0, 200)),
                Arguments.of(Options.lossless(8, 1, 0).withPresets(200, 0, 0, 0, 0).withNear(2)),
                Arguments.of(Options.lossless(10, 3, 2).withPresets(600, 4, 10, 30, 0).withNear(1)
                        .withRestartInterval(3)),
                Arguments.of(Options.lossless(5, 1, 0).withPresets(20, 0, 0, 0, 3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presetCases")
    void honoursLsePresetParameters(Options options) throws IOException {
        assertRoundTrip(image("random", options, 11), options);
        assertRoundTrip(image("smooth", options, 12), options);
    }

    static Stream<Arguments> colorTransformCases() {
        List<Arguments> cases = new ArrayList<>();
        for (int transform = 1; transform <= 3; transform++) {
            for (int bits : new int[] {8, 16}) {
                for (int interleave : new int[] {0, 1, 2}) {
                    cases.add(Arguments.of(Options.lossless(bits, 3, interleave).withColorTransform(transform)));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("colorTransformCases")
    void undoesHpColourTransforms(Options options) throws IOException {
        assertRoundTrip(image("smooth", options, 3), options);
        assertRoundTrip(image("random", options, 4), options);
    }

    @Test
    void decodesAnImageFarLargerThanItsCodestream() throws IOException {
        // nearly flat: a few hundred bytes code millions of samples, so the output buffer has to grow
        int width = 3000;
        int height = 900;
        int[] source = new int[width * height];
        for (int y = 400; y < 420; y++) {
            for (int x = 1000; x < 1100; x++) {
                source[y * width + x] = 200 + (x + y) % 7;
            }
        }
        Options options = Options.lossless(8, 1, 0);
        byte[] codestream = JpegLsTestEncoder.encode(source, width, height, options).codestream();
        assertTrue(codestream.length * 1024L < source.length, "the codestream is too long to test growth");
        assertArrayEquals(source, SyntheticImages.samples(Codestreams.decode(codestream)));
    }

    private static int[] image(String kind, Options options, long seed) {
        return kind.equals("random") ? SyntheticImages.random(WIDTH, HEIGHT, options.components(), options.maxVal(), seed)
                : SyntheticImages.smooth(WIDTH, HEIGHT, options.components(), options.maxVal(), seed);
    }

    private static void assertRoundTrip(int[] source, Options options) throws IOException {
        JpegLsTestEncoder.Encoded encoded = JpegLsTestEncoder.encode(source, WIDTH, HEIGHT, options);
        RawImage image = Codestreams.decode(encoded.codestream());
        assertEquals(WIDTH, image.width());
        assertEquals(HEIGHT, image.height());
        assertEquals(options.components(), image.components());
        assertEquals(options.bits(), image.precision());
        assertEquals(options.bits() > 8, image.isWide());
        int[] decoded = SyntheticImages.samples(image);
        assertArrayEquals(encoded.reconstructed(), decoded, "decoded samples differ from the encoder's");
        for (int i = 0; i < source.length; i++) {
            if (Math.abs(decoded[i] - source[i]) > options.near()) {
                fail("sample " + i + " is " + decoded[i] + ", source " + source[i] + ": off by more than NEAR "
                        + options.near());
            }
        }
    }
}
