package org.sonocine.imaging;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.imaging.codec.DecodeException;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Our JPEG 2000 frame decoder behind the frame decoder interface: what it checks against the header. */
class Jpeg2000FrameDecoderTest {
    private static final Jpeg2000FrameDecoder J2K = new Jpeg2000FrameDecoder(false);

    @Test
    void theFuzzSeedsDecodeToTheirHeadersSize() throws Exception {
        for (Arguments seed : Jpeg2000FrameDecoderFuzzTest.seeds().toList()) {
            Named<?> named = (Named<?>) seed.get()[0];
            FuzzedImage image = FuzzedImage.parse((byte[]) named.getPayload());
            try (DicomFile file = image.encapsulatedFile(TransferSyntax.JPEG_2000)) {
                StoredFrame frame = J2K.decode(FrameSource.of(file).read(0));
                assertEquals(image.rows() * image.columns() * image.samples(),
                        frame.layout().pixels() * frame.layout().samplesPerPixel(),
                        named.getName());
            }
        }
    }

    @Test
    void aCodestreamLargerThanTheHeaderSaysIsRefusedBeforeDecoding() throws Exception {
        Named<?> grey = (Named<?>) Jpeg2000FrameDecoderFuzzTest.seeds().findFirst().orElseThrow().get()[0];
        FuzzedImage image = FuzzedImage.parse((byte[]) grey.getPayload());
        FuzzedImage smaller = FuzzedImage.of(8, 16, 1, 8, "MONOCHROME2", image.data());
        try (DicomFile file = smaller.encapsulatedFile(TransferSyntax.JPEG_2000)) {
            DecodeException e = assertThrows(DecodeException.class, () -> J2K.decode(FrameSource.of(file).read(0)));
            assertThat(e.getMessage()).isEqualTo("frame 1: the JPEG 2000 codestream is 16 x 16 with 1 component;"
                    + " the header says 16 x 8 with 1");
        }
    }

    @Test
    void aCodestreamCutShortSaysWhereItsDataEnd() throws Exception {
        Named<?> grey = (Named<?>) Jpeg2000FrameDecoderFuzzTest.seeds().findFirst().orElseThrow().get()[0];
        FuzzedImage image = FuzzedImage.parse((byte[]) grey.getPayload());
        byte[] cut = Arrays.copyOf(image.data(), image.data().length - 40);
        FuzzedImage shorter = FuzzedImage.of(16, 16, 1, 8, "MONOCHROME2", cut);
        try (DicomFile file = shorter.encapsulatedFile(TransferSyntax.JPEG_2000)) {
            DecodeException e = assertThrows(DecodeException.class, () -> J2K.decode(FrameSource.of(file).read(0)));
            assertThat(e.getMessage()).startsWith("frame 1: the JPEG 2000 tile-part at byte ").contains(" declares ");
        }
    }
}
