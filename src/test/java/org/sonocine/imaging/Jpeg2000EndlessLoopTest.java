package org.sonocine.imaging;

import com.github.jaiimageio.jpeg2000.J2KImageWriteParam;
import com.github.jaiimageio.jpeg2000.impl.J2KImageWriterSpi;
import org.junit.jupiter.api.Test;
import org.sonocine.dicom.Attributes;
import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.testing.ImageHeaders;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A codestream that sent the decoder we used before ours (JAI ImageIO) into an endless loop: coded data of nothing
 * but 0xFF bytes. Ours must end it at once, with a message, and still decode the intact codestream.
 */
class Jpeg2000EndlessLoopTest {
    private static final String EXPECTED_REFUSAL =
            "frame 1: a JPEG 2000 packet header codes lengths of more than 32 bits";

    @Test
    void codedDataOfNothingButFfBytesEndsQuickly() throws IOException {
        byte[] codestream = losslessCodestream(64);
        int sod = indexOfMarker(codestream, 0x93);
        Arrays.fill(codestream, sod + 2, codestream.length - 2, (byte) 0xFF);
        Attributes ds = ImageHeaders.of(64, 64, 1, 8, "MONOCHROME2", 1);
        EncodedFrame frame = new EncodedFrame(0, codestream, PixelDescription.of(ds, 1), false, 1, 0, null);

        String outcome = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try {
                new Jpeg2000FrameDecoder().decode(frame);
                return "decoded";
            } catch (DecodeException e) {
                return e.getMessage();
            }
        });
        assertThat(outcome).isEqualTo(EXPECTED_REFUSAL);
    }

    @Test
    void anIntactCodestreamDecodes() throws IOException {
        byte[] codestream = losslessCodestream(32);
        Attributes ds = ImageHeaders.of(32, 32, 1, 8, "MONOCHROME2", 1);
        EncodedFrame frame = new EncodedFrame(0, codestream, PixelDescription.of(ds, 1), false, 1, 0, null);
        StoredFrame decoded = new Jpeg2000FrameDecoder().decode(frame);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                assertThat(decoded.data()[y * 32 + x] & 0xFF).isEqualTo(pattern(x, y));
            }
        }
    }

    private static int pattern(int x, int y) {
        return (x * 7 + y * 3) & 0xFF;
    }

    private static byte[] losslessCodestream(int size) throws IOException {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.getRaster().setSample(x, y, 0, pattern(x, y));
            }
        }
        ImageWriter writer = new J2KImageWriterSpi().createWriterInstance();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            J2KImageWriteParam param = (J2KImageWriteParam) writer.getDefaultWriteParam();
            param.setWriteCodeStreamOnly(true);
            param.setLossless(true);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static int indexOfMarker(byte[] data, int marker) {
        for (int i = 0; i + 1 < data.length; i++) {
            if ((data[i] & 0xFF) == 0xFF && (data[i + 1] & 0xFF) == marker) {
                return i;
            }
        }
        throw new AssertionError("no marker FF" + Integer.toHexString(marker));
    }
}
