package org.sonocine.imaging.jpeg;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sonocine.imaging.codec.DecodeException;

/**
 * Damages valid codestreams at many seeded random places (truncation, bit flips, inserted marker bytes): every
 * attempt must either decode or throw {@link DecodeException}, quickly. Any other exception, an endless loop or a
 * huge allocation fails the test, with the seed and position to reproduce it.
 */
class CorruptDataRobustnessTest {
    private static final int ATTEMPTS = 150;
    private static final Duration LIMIT = Duration.ofSeconds(5);

    /** A codestream to damage, made or read only when its test runs, so a missing sample skips just that test. */
    @FunctionalInterface
    interface Codestream {
        byte[] bytes() throws IOException;
    }

    static Stream<Arguments> codestreams() {
        return Stream.of(
                Arguments.of("lossless 12-bit RGB with restarts", (Codestream) TestImages::lossless),
                Arguments.of("baseline colour 4:2:0", (Codestream) TestImages::baselineColour),
                Arguments.of("baseline grey", (Codestream) TestImages::baselineGrey),
                Arguments.of("progressive 8-bit colour 4:2:0 with restarts", (Codestream) () ->
                        TestImages.jdkProgressiveJpeg(BufferedImage.TYPE_3BYTE_BGR, 2, 2, 3)),
                Arguments.of("progressive 12-bit colour 4:2:2, deep approximation, restarts", (Codestream) () ->
                        DctJpegEncoder.progressive(CoefficientImage.synthetic(45, 29, 12, new int[] {2, 1, 1},
                                new int[] {1, 1, 1}, 2, 1), DctJpegEncoder.deepApproximation(3))),
                Arguments.of("12-bit DCT CT", sample("CT0012.fragmented_no_bot_jpeg_baseline.51.dcm")),
                Arguments.of("16-bit lossless CT", sample("CT0012.fragmented_no_bot_jpeg_lossless.57.dcm")),
                Arguments.of("baseline 4:2:0 ultrasound", sample("examples_ybr_color.dcm")),
                Arguments.of("12-bit progressive CT",
                        sample("defects/CTImage.dcm_JPEGProcess10_12TransferSyntax_1.2.840.10008.1.2.4.55.dcm")));
    }

    private static Codestream sample(String name) {
        return () -> JpegSamples.codestream(name, 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codestreams")
    void truncatedDataDecodesOrFailsCleanly(String name, Codestream source) throws IOException {
        byte[] codestream = source.bytes();
        SplittableRandom random = new SplittableRandom(name.hashCode());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int length = random.nextInt(codestream.length);
            attempt(name, "truncated to " + length + " bytes", codestream, length);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codestreams")
    void flippedBitsDecodeOrFailCleanly(String name, Codestream source) throws IOException {
        byte[] codestream = source.bytes();
        SplittableRandom random = new SplittableRandom(name.hashCode() + 1);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            byte[] damaged = codestream.clone();
            StringBuilder where = new StringBuilder("bits flipped at");
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                int position = random.nextInt(damaged.length);
                damaged[position] ^= (byte) (1 << random.nextInt(8));
                where.append(' ').append(position);
            }
            attempt(name, where.toString(), damaged, damaged.length);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codestreams")
    void insertedMarkersDecodeOrFailCleanly(String name, Codestream source) throws IOException {
        byte[] codestream = source.bytes();
        SplittableRandom random = new SplittableRandom(name.hashCode() + 2);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int position = random.nextInt(codestream.length);
            int code = random.nextInt(256);
            byte[] damaged = new byte[codestream.length + 2];
            System.arraycopy(codestream, 0, damaged, 0, position);
            damaged[position] = (byte) 0xFF;
            damaged[position + 1] = (byte) code;
            System.arraycopy(codestream, position, damaged, position + 2, codestream.length - position);
            attempt(name, String.format("marker FF%02X inserted at %d", code, position), damaged, damaged.length);
        }
    }

    private static void attempt(String name, String damage, byte[] data, int length) {
        assertTimeoutPreemptively(LIMIT, () -> {
            try {
                JpegDecoder.decode(data, 0, length);
            } catch (DecodeException expected) {
                // a clean failure is one of the two allowed outcomes
            } catch (RuntimeException | Error e) {
                fail(name + ", " + damage + ": " + e, e);
            }
        }, name + ", " + damage + ": took longer than " + LIMIT);
    }
}
