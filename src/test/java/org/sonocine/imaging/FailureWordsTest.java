package org.sonocine.imaging;

import org.junit.jupiter.api.Test;
import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.testing.ImageHeaders;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** A failure reaches the reader in words, never as a bare exception class. */
class FailureWordsTest {

    @Test
    void aFailureWithoutAMessageIsSaidInWords() {
        assertThat(FailureWords.of(new EOFException())).isEqualTo("the compressed data ends early");
        assertThat(FailureWords.of(new NullPointerException())).isEqualTo("it met a value missing from the data");
        assertThat(FailureWords.of(new ArrayIndexOutOfBoundsException()))
                .isEqualTo("it read past the end of its data");
        assertThat(FailureWords.of(new NegativeArraySizeException())).isEqualTo("the data declares a negative size");
    }

    @Test
    void aMessageThatIsOnlyAClassNameIsSaidInWords() {
        assertThat(FailureWords.of(new IOException("java.io.EOFException"))).isEqualTo("the compressed data ends early");
        assertThat(FailureWords.of(new IllegalStateException("java.io.EOFException: ")))
                .isEqualTo("the compressed data ends early");
    }

    @Test
    void theCauseChainIsWalkedForARealMessage() {
        IOException wrapped = new IOException(new IllegalArgumentException("Invalid Huffman table"));
        // IOException(cause) takes the cause's toString() as its own message
        assertThat(FailureWords.of(wrapped)).isEqualTo("Invalid Huffman table");
        assertThat(FailureWords.of(new javax.imageio.IIOException(null, new EOFException())))
                .isEqualTo("the compressed data ends early");
        assertThat(FailureWords.of(new RuntimeException(null, new IllegalStateException("no SOS marker"))))
                .isEqualTo("no SOS marker");
    }

    @Test
    void aFailureOfUnknownKindSaysItGaveNoReason() {
        assertThat(FailureWords.of(new IllegalStateException()))
                .isEqualTo("it failed without giving a reason (IllegalStateException)");
    }

    @Test
    void frameDecoderFailuresNeverEndInABareClassName() {
        for (Throwable t : new Throwable[] {new EOFException(), new NullPointerException(),
            new RuntimeException(new EOFException()), new IllegalStateException("java.io.EOFException")}) {
            assertThat(FrameDecoders.describe(t)).doesNotContain("Exception");
            assertThat(FrameFailure.reason(0, t)).doesNotContain("Exception");
        }
    }

    @Test
    void noCutOfAJpegFrameIsReportedByAnExceptionClass() throws IOException {
        JpegImageIoDecoder twelveMonkeys = JpegImageIoDecoder.twelveMonkeys()
                .orElseThrow(() -> new AssertionError("the TwelveMonkeys JPEG reader is on the class path"));
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                image.getRaster().setSample(x, y, 0, (x * 7 + y * 13) & 0xFF);
            }
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", jpeg);
        PixelDescription header = PixelDescription.of(ImageHeaders.of(64, 64, 1, 8, "MONOCHROME2", 1), 1);
        for (int length = 4; length < jpeg.size(); length += 7) {
            byte[] truncated = Arrays.copyOf(jpeg.toByteArray(), length);
            EncodedFrame frame = new EncodedFrame(0, truncated, header, false, 1, 0, null);
            try {
                twelveMonkeys.decode(frame);
            } catch (DecodeException e) {
                assertThat(e.getMessage()).as("cut to %d bytes", length)
                        .doesNotContain("Exception");
            }
        }
    }
}
