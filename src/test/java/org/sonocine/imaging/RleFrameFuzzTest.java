package org.sonocine.imaging;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.testing.FuzzProperty;

import java.util.stream.Stream;

/** RLE Lossless frames under fuzzed image headers: each decodes, or fails with a readable DecodeException. */
class RleFrameFuzzTest {
    private static final RleDecoder RLE = new RleDecoder();

    static Stream<Arguments> seeds() {
        return Stream.of(
                seed("grey 8-bit", 6, 5, 1, 8, "MONOCHROME2"),
                seed("grey 16-bit", 4, 4, 1, 16, "MONOCHROME1"),
                seed("RGB", 3, 4, 3, 8, "RGB"),
                seed("YBR_FULL", 2, 2, 3, 8, "YBR_FULL"),
                seed("signed 32-bit", 2, 3, 1, 32, "MONOCHROME2"));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "2m")
    void rleFrames(byte[] input) throws Exception {
        FuzzedImage image = FuzzedImage.parse(input);
        FuzzProperty.holds(() -> {
            try (DicomFile file = image.encapsulatedFile(TransferSyntax.RLE_LOSSLESS)) {
                FuzzedImage.decodeEach(file, RLE);
            }
        });
    }

    private static Arguments seed(String name, int rows, int columns, int samples, int bits, String photometric) {
        int bytesPerSample = bits / 8;
        byte[] stored = NativeFrameFuzzTest.ramp(rows * columns * samples * bytesPerSample);
        byte[] rle = RleEncoder.encode(stored, rows * columns, samples, bytesPerSample);
        return Arguments.of(Named.of(name, FuzzedImage.of(rows, columns, samples, bits, photometric, rle).toInput()));
    }
}
