package org.sonocine.imaging;

import org.sonocine.testing.ImageHeaders;
import org.junit.jupiter.api.Test;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.TransferSyntax;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The classic viewer bug: a file labelled RGB whose JPEG holds YCbCr must not show green. */
class JpegColourTest {

    private static byte[] redJfif() throws IOException {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(220, 20, 30));
        g.fillRect(0, 0, 16, 16);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    @Test
    void rgbLabelledFileWithYcbcrJpegIsConvertedForDisplay() throws IOException {
        Attributes ds = ImageHeaders.of(16, 16, 3, 8, "RGB", 1);
        DicomFile file = TestImages.encapsulatedFile(ds, TransferSyntax.JPEG_BASELINE, List.of(redJfif()));
        FrameSource source = FrameSource.of(file);
        StoredFrame stored = source.decode(0);
        assertEquals(Photometric.YBR_FULL, stored.layout().photometric());
        assertThat(stored.note()).isEqualTo("the header says RGB, but the JPEG codestream holds YCbCr: converted to"
                + " RGB for display");
        int pixel = FrameRenderers.forSource(source).render(stored).pixel(8, 8);
        assertThat((pixel >> 16) & 0xFF).isGreaterThan(200);
        assertThat((pixel >> 8) & 0xFF).isLessThan(50);
    }
}
