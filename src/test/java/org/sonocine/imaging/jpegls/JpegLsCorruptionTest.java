package org.sonocine.imaging.jpegls;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sonocine.dicom.DicomFile;
import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.imaging.codec.RawImage;
import org.sonocine.imaging.jpegls.JpegLsTestEncoder.Options;
import org.sonocine.testing.Samples;

/**
 * Truncated and bit-flipped codestreams end in a decoded image or a {@link DecodeException}, promptly: never
 * another exception, a hang or an error.
 */
class JpegLsCorruptionTest {
    private static final Duration PER_ATTEMPT = Duration.ofSeconds(5);
    private static final int ATTEMPTS = 300;

    static Stream<Arguments> codestreams() {
        return Stream.of(
                Arguments.of("8-bit grey", encode(Options.lossless(8, 1, 0), 41, 29)),
                Arguments.of("8-bit RGB, line interleaved, restarts", encode(Options.lossless(8, 3, 1)
                        .withRestartInterval(4), 33, 21)),
                Arguments.of("12-bit RGB, sample interleaved, near-lossless", encode(Options.lossless(12, 3, 2)
                        .withNear(2), 30, 20)),
                Arguments.of("16-bit RGB, separate scans, LSE", encode(Options.lossless(16, 3, 0)
                        .withPresets(0, 30, 200, 900, 40).withRestartInterval(7), 25, 19)),
                Arguments.of("8-bit RGB, HP2", encode(Options.lossless(8, 3, 2).withColorTransform(2), 31, 17)));
    }

    private static byte[] encode(Options options, int width, int height) {
        int[] samples = SyntheticImages.smooth(width, height, options.components(), options.maxVal(), 5);
        return JpegLsTestEncoder.encode(samples, width, height, options).codestream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codestreams")
    void truncationEndsInAnImageOrADecodeException(String name, byte[] codestream) {
        Random random = new Random(1);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int length = attempt < codestream.length ? attempt : random.nextInt(codestream.length);
            byte[] truncated = Arrays.copyOf(codestream, length);
            assertDecodesOrThrowsDecodeException(truncated, "truncated to " + length + " bytes");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codestreams")
    void bitFlipsEndInAnImageOrADecodeException(String name, byte[] codestream) {
        Random random = new Random(2);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            byte[] corrupt = codestream.clone();
            int flips = 1 + random.nextInt(4);
            StringBuilder what = new StringBuilder("bits flipped at");
            for (int i = 0; i < flips; i++) {
                int at = random.nextInt(corrupt.length);
                int bit = random.nextInt(8);
                corrupt[at] ^= (byte) (1 << bit);
                what.append(' ').append(at).append('.').append(bit);
            }
            assertDecodesOrThrowsDecodeException(corrupt, what.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codestreams")
    void overwrittenBytesEndInAnImageOrADecodeException(String name, byte[] codestream) {
        Random random = new Random(3);
        byte[] interesting = {0, (byte) 0xFF, (byte) 0x7F, (byte) 0x80, (byte) 0xD0, (byte) 0xD9, (byte) 0xDA,
            (byte) 0xF7, (byte) 0xF8};
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            byte[] corrupt = codestream.clone();
            int at = random.nextInt(corrupt.length);
            byte value = random.nextBoolean() ? interesting[random.nextInt(interesting.length)]
                    : (byte) random.nextInt(256);
            corrupt[at] = value;
            assertDecodesOrThrowsDecodeException(corrupt, "byte " + at + " set to " + (value & 0xFF));
        }
    }

    @Test
    void corruptingARealCodestreamEndsInAnImageOrADecodeException() throws IOException {
        byte[] codestream;
        try (DicomFile file = DicomFile.open(Samples.file("jpeg-ls-Palette.dcm"))) {
            codestream = Codestreams.frame(file, 0);
        }
        Random random = new Random(4);
        for (int attempt = 0; attempt < 100; attempt++) {
            byte[] corrupt = Arrays.copyOf(codestream, random.nextInt(codestream.length) + 1);
            int at = random.nextInt(corrupt.length);
            corrupt[at] ^= (byte) (1 << random.nextInt(8));
            assertDecodesOrThrowsDecodeException(corrupt, "cut to " + corrupt.length + ", bit flipped at " + at);
        }
    }

    private static void assertDecodesOrThrowsDecodeException(byte[] codestream, String what) {
        assertTimeoutPreemptively(PER_ATTEMPT, () -> {
            try {
                RawImage image = Codestreams.decode(codestream);
                assertTrue(image.width() > 0 && image.height() > 0, what + ": decoded an empty image");
            } catch (DecodeException expected) {
                assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank(),
                        what + ": DecodeException without a message");
            } catch (Exception | Error e) {
                fail(what + ": " + e, e);
            }
        }, what + ": took longer than " + PER_ATTEMPT);
    }
}
