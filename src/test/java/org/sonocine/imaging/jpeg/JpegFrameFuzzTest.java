package org.sonocine.imaging.jpeg;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.imaging.FrameDecoder;
import org.sonocine.imaging.FuzzedImage;
import org.sonocine.imaging.JpegImageIoDecoder;
import org.sonocine.imaging.JpegOwnDecoder;
import org.sonocine.testing.FuzzProperty;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * JPEG frames (baseline, extended, lossless) under fuzzed image headers, through each decoder of the JPEG chain on
 * its own (ours, and the JDK's and TwelveMonkeys' readers through our wrapper): each decodes, or fails with a
 * readable DecodeException.
 */
class JpegFrameFuzzTest {
    private static final List<FrameDecoder> DECODERS = decoders();

    static Stream<Arguments> seeds() {
        return Stream.of(
                seed("baseline grey", 29, 45, 1, 8, "MONOCHROME2", TestImages.baselineGrey()),
                seed("baseline YCbCr 4:2:0", 29, 45, 3, 8, "YBR_FULL_422", TestImages.baselineColour()),
                seed("restart intervals", 29, 45, 3, 8, "YBR_FULL",
                        TestImages.jdkJpeg(BufferedImage.TYPE_3BYTE_BGR, 1, 1, 2)),
                seed("lossless 12-bit colour", 17, 23, 3, 16, "RGB", TestImages.lossless()),
                seed("lossless 16-bit grey", 6, 7, 1, 16, "MONOCHROME2", LosslessJpegEncoder.encode(
                        new int[][] {LosslessRoundTripTest.syntheticPlane(7, 6, 16, 0, new SplittableRandom(7))},
                        7, 6, 16, 1, 0, 0, false)));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "2m")
    void jpegFrames(byte[] input) throws Exception {
        FuzzedImage image = FuzzedImage.parse(input);
        for (FrameDecoder decoder : DECODERS) {
            FuzzProperty.holds(() -> {
                try (DicomFile file = image.encapsulatedFile(TransferSyntax.JPEG_EXTENDED)) {
                    FuzzedImage.decodeEach(file, decoder);
                }
            });
        }
    }

    private static List<FrameDecoder> decoders() {
        List<FrameDecoder> decoders = new ArrayList<>();
        decoders.add(new JpegOwnDecoder());
        JpegImageIoDecoder.jdk().ifPresent(decoders::add);
        JpegImageIoDecoder.twelveMonkeys().ifPresent(decoders::add);
        return List.copyOf(decoders);
    }

    private static Arguments seed(String name, int rows, int columns, int samples, int bits, String photometric,
                                  byte[] codestream) {
        return Arguments.of(Named.of(name,
                FuzzedImage.of(rows, columns, samples, bits, photometric, codestream).toInput()));
    }
}
