package org.sonocine.imaging.jpegls;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.imaging.FuzzedImage;
import org.sonocine.imaging.JpegLsFrameDecoder;
import org.sonocine.testing.FuzzProperty;

import java.util.stream.Stream;

/** JPEG-LS frames under fuzzed image headers: each decodes, or fails with a readable DecodeException. */
class JpegLsFrameFuzzTest {
    private static final JpegLsFrameDecoder JPEG_LS = new JpegLsFrameDecoder();
    private static final int WIDTH = 7;
    private static final int HEIGHT = 5;

    static Stream<Arguments> seeds() {
        JpegLsTestEncoder.Options grey = JpegLsTestEncoder.Options.lossless(8, 1, 0);
        return Stream.of(
                seed("grey 8-bit", grey, "MONOCHROME2"),
                seed("grey 12-bit near-lossless", JpegLsTestEncoder.Options.lossless(12, 1, 0).withNear(2),
                        "MONOCHROME2"),
                seed("colour by line", JpegLsTestEncoder.Options.lossless(8, 3, 1), "RGB"),
                seed("colour by sample, HP1", JpegLsTestEncoder.Options.lossless(8, 3, 2).withColorTransform(1),
                        "RGB"),
                seed("colour by plane, restarts", JpegLsTestEncoder.Options.lossless(8, 3, 0).withRestartInterval(2),
                        "RGB"),
                seed("preset parameters", grey.withPresets(200, 3, 7, 21, 32), "MONOCHROME2"),
                seed("16-bit", JpegLsTestEncoder.Options.lossless(16, 1, 0), "MONOCHROME2"));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "2m")
    void jpegLsFrames(byte[] input) throws Exception {
        FuzzedImage image = FuzzedImage.parse(input);
        FuzzProperty.holds(() -> {
            try (DicomFile file = image.encapsulatedFile(TransferSyntax.JPEG_LS_NEAR_LOSSLESS)) {
                FuzzedImage.decodeEach(file, JPEG_LS);
            }
        });
    }

    private static Arguments seed(String name, JpegLsTestEncoder.Options options, String photometric) {
        int[] samples = SyntheticImages.smooth(WIDTH, HEIGHT, options.components(), options.maxVal(), 3);
        byte[] codestream = JpegLsTestEncoder.encode(samples, WIDTH, HEIGHT, options).codestream();
        int bits = options.bits() > 8 ? 16 : 8;
        FuzzedImage image = FuzzedImage.of(HEIGHT, WIDTH, options.components(), bits, photometric, codestream);
        return Arguments.of(Named.of(name, new FuzzedImage(image.rows(), image.columns(), image.samples(), 0, false,
                bits, options.bits(), options.bits() - 1, photometric, 1, 0, codestream).toInput()));
    }
}
