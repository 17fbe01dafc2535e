package org.sonocine.imaging.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sonocine.imaging.RawImage;

/**
 * The 8-bit DCT path against the JDK's own JPEG reader (IJG libjpeg 6b underneath, the fast path the viewer uses
 * where it can): {@code readRaster} does no colour conversion, so every frame must agree sample for sample.
 */
class JdkReaderCrossCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "examples_ybr_color.dcm",
        "HasFragmentSequence.dcm",
        "IM00001.fragmented_no_bot_jpeg_baseline.50.dcm",
        "JPEGExtended_3s_1f_u_08_08.dcm",
    })
    void everyFrameMatchesTheJdkReaderExactly(String sample) throws IOException {
        int frames = JpegSamples.frameCount(sample);
        for (int i = 0; i < frames; i++) {
            byte[] codestream = JpegSamples.codestream(sample, i);
            RawImage ours = JpegDecoder.decode(codestream, 0, codestream.length);
            Raster jdk = readWithJdk(codestream);

            assertEquals(jdk.getWidth(), ours.width(), "width of frame " + (i + 1));
            assertEquals(jdk.getHeight(), ours.height(), "height of frame " + (i + 1));
            assertEquals(jdk.getNumBands(), ours.components(), "components of frame " + (i + 1));
            int[] expected = jdk.getPixels(0, 0, jdk.getWidth(), jdk.getHeight(), (int[]) null);
            assertArrayEquals(expected, LosslessRoundTripTest.actualSamples(ours), "samples of frame " + (i + 1));
        }
    }

    private static Raster readWithJdk(byte[] codestream) throws IOException {
        ImageReader reader = jdkReader();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(codestream))) {
            reader.setInput(in);
            return reader.readRaster(0, null);
        } finally {
            reader.dispose();
        }
    }

    /** The JDK's reader specifically: other plugins on the class path (TwelveMonkeys) register for JPEG too. */
    static ImageReader jdkReader() {
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg"); it.hasNext();) {
            ImageReader reader = it.next();
            if (reader.getClass().getName().startsWith("com.sun.imageio.plugins.jpeg")) {
                return reader;
            }
            reader.dispose();
        }
        throw new IllegalStateException("the JDK's JPEG reader is not available");
    }
}
