package org.sonocine.imaging;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;
import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.testing.FuzzProperty;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;

/**
 * Uncompressed frames (explicit and implicit little endian, big endian, encapsulated uncompressed) and deflated
 * image frames under fuzzed image headers: each frame decodes, or fails with a readable DecodeException.
 * {@link FuzzedImage#variant} bits 0-2 choose the encoding, bit 3 OB rather than OW.
 */
class NativeFrameFuzzTest {
    private static final List<TransferSyntax> SYNTAXES = List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
            TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN,
            TransferSyntax.ENCAPSULATED_UNCOMPRESSED, TransferSyntax.DEFLATED_IMAGE_FRAMES);

    static Stream<Arguments> seeds() {
        return Stream.of(
                seed("grey 8-bit", FuzzedImage.of(4, 4, 1, 8, "MONOCHROME2", ramp(16)), 0),
                seed("grey 16-bit big endian", FuzzedImage.of(3, 3, 1, 16, "MONOCHROME1", ramp(18)), 2),
                seed("RGB by plane", FuzzedImage.of(2, 3, 3, 8, "RGB", ramp(18)).withPlanar(1), 1),
                seed("1-bit, frames inside bytes", FuzzedImage.of(3, 3, 1, 1, "MONOCHROME2", ramp(4)).withFrames(3), 0),
                seed("YBR 4:2:2", FuzzedImage.of(2, 4, 3, 8, "YBR_FULL_422", ramp(16)), 0),
                seed("32-bit in OB", FuzzedImage.of(2, 2, 1, 32, "MONOCHROME2", ramp(16)), 8),
                seed("8-bit big endian OW, odd frames", FuzzedImage.of(3, 3, 3, 8, "RGB", ramp(54)).withFrames(2), 2),
                seed("encapsulated uncompressed", FuzzedImage.of(2, 2, 3, 8, "RGB", ramp(12)), 3),
                seed("deflated image frame", FuzzedImage.of(4, 4, 1, 16, "MONOCHROME2", deflate(ramp(32))), 4));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "2m")
    void nativeFrames(byte[] input) throws Exception {
        FuzzedImage image = FuzzedImage.parse(input);
        TransferSyntax syntax = SYNTAXES.get((image.variant() & 7) % SYNTAXES.size());
        FuzzProperty.holds(() -> {
            try (DicomFile file = syntax.encapsulated() ? image.encapsulatedFile(syntax)
                    : image.nativeFile(syntax, (image.variant() & 8) != 0 ? VR.OB : VR.OW)) {
                FuzzedImage.decodeEach(file, FrameDecoders.forSyntax(syntax).get(0));
            }
        });
    }

    private static Arguments seed(String name, FuzzedImage image, int variant) {
        return Arguments.of(Named.of(name, image.withVariant(variant).toInput()));
    }

    static byte[] ramp(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 37 + 5);
        }
        return b;
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[256];
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return out.toByteArray();
    }
}
