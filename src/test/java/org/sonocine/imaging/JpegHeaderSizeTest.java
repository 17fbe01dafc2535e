package org.sonocine.imaging;

import org.junit.jupiter.api.Test;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.testing.ImageHeaders;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A codestream claiming a larger image than the header is refused before it is decoded at that size. */
class JpegHeaderSizeTest {

    @Test
    void aCodestreamLargerThanTheHeaderIsRefusedByEveryDecoderBeforeDecoding() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "jpeg", out);
        byte[] jpeg = out.toByteArray();
        int sof = sofPosition(jpeg);
        jpeg[sof + 5] = 0x40; // height 16384
        jpeg[sof + 6] = 0;
        jpeg[sof + 7] = 0x40; // width 16384
        jpeg[sof + 8] = 0;
        DicomFile file = TestImages.encapsulatedFile(ImageHeaders.of(8, 8, 1, 8, "MONOCHROME2", 1),
                TransferSyntax.JPEG_BASELINE, List.of(jpeg));
        DecodeException e = assertThrows(DecodeException.class, () -> FrameSource.of(file).decode(0));
        String reason = "the JPEG codestream is 16384 x 16384 with 1 component; the header says 8 x 8 with 1";
        assertThat(e.getMessage()).isEqualTo("frame 1 could not be decoded (JPEG (JDK ImageIO): " + reason
                + "; JPEG (Sonocine): " + reason + "; JPEG (TwelveMonkeys ImageIO): " + reason + ")");
    }

    private static int sofPosition(byte[] jpeg) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                return i;
            }
        }
        throw new AssertionError("no SOF0");
    }
}
