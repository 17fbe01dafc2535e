package org.sonocine.imaging;

import org.junit.jupiter.api.Test;
import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.testing.ImageHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JpegHeaderTest {

    /** SOI, then a baseline frame header of 8 x 8 pixels with no components (found by fuzzing). */
    private static final byte[] NO_COMPONENTS = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 8, 8, 0, 8, 0,
        8, 0, (byte) 0xFF, (byte) 0xD9};

    @Test
    void aFrameHeaderWithoutComponentsIsRefusedWithAMessage() throws DecodeException {
        PixelDescription header = PixelDescription.of(ImageHeaders.of(8, 8, 1, 8, "MONOCHROME2", 1), 1);
        EncodedFrame frame = new EncodedFrame(0, NO_COMPONENTS, header, false, 1, 0, null);
        JpegImageIoDecoder jdk = JpegImageIoDecoder.jdk().orElseThrow();

        DecodeException e = assertThrows(DecodeException.class, () -> jdk.decode(frame));

        assertThat(e.getMessage()).isEqualTo("the JPEG frame header (SOF) declares no image components");
    }
}
