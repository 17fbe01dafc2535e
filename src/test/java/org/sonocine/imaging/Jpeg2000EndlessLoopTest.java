package org.sonocine.imaging;

import com.github.jaiimageio.jpeg2000.J2KImageWriteParam;
import com.github.jaiimageio.jpeg2000.impl.J2KImageWriterSpi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A codestream that sends JAI into an endless loop costs the caller a deadline, not a thread for ever. The loop
 * itself spins on until the JVM exits, so these tests run in a JVM of their own (tag "abandons-threads").
 */
@Tag("abandons-threads")
class Jpeg2000EndlessLoopTest {

    @Test
    void codedDataOfNothingButFfBytesEndsInAMessageAtTheDeadline() throws IOException {
        byte[] codestream = losslessCodestream(64);
        int sod = indexOfMarker(codestream, 0x93);
        Arrays.fill(codestream, sod + 2, codestream.length - 2, (byte) 0xFF);
        Attributes ds = ImageHeaders.of(64, 64, 1, 8, "MONOCHROME2", 1);
        EncodedFrame frame = new EncodedFrame(0, codestream, PixelDescription.of(ds, 1), false, 1, 0, null);

        Jpeg2000Decoder decoder = new Jpeg2000Decoder(new CodecDeadline(500, 0, 1));
        DecodeException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(DecodeException.class, () -> decoder.decode(frame)));
        assertThat(e.getMessage()).isEqualTo("frame 1 could not be decoded: the JPEG 2000 decoder did not finish"
                + " within 0.5 s of processor time (its data may be corrupt)");
    }

    @Test
    void anIntactCodestreamDecodesWithinTheDeadline() throws IOException {
        byte[] codestream = losslessCodestream(32);
        Attributes ds = ImageHeaders.of(32, 32, 1, 8, "MONOCHROME2", 1);
        EncodedFrame frame = new EncodedFrame(0, codestream, PixelDescription.of(ds, 1), false, 1, 0, null);
        StoredFrame decoded = new Jpeg2000Decoder(new CodecDeadline(10_000, 0, 1)).decode(frame);
        assertThat(decoded.data()[5 * 32 + 7] & 0xFF).isEqualTo(pattern(7, 5));
    }

    /** The abandoned JAI thread would spin until the test JVM ends; stop it where this runtime still can. */
    @AfterAll
    @SuppressWarnings({"deprecation", "removal"})
    static void stopAbandonedThreads() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("codec-call-")) {
                try {
                    t.stop();
                } catch (UnsupportedOperationException e) {
                    return; // newer runtimes: the daemon thread spins on until the test JVM exits
                }
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
