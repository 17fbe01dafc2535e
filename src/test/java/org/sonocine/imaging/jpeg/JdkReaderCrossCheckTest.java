package org.sonocine.imaging.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sonocine.imaging.codec.RawImage;

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

    static Stream<Arguments> encodings() {
        return Stream.of(
                Arguments.of("grey", BufferedImage.TYPE_BYTE_GRAY, 1, 1, 0),
                Arguments.of("grey, restart every 2 MCUs", BufferedImage.TYPE_BYTE_GRAY, 1, 1, 2),
                Arguments.of("colour 4:4:4", BufferedImage.TYPE_3BYTE_BGR, 1, 1, 0),
                Arguments.of("colour 4:2:2", BufferedImage.TYPE_3BYTE_BGR, 2, 1, 0),
                Arguments.of("colour 4:2:0", BufferedImage.TYPE_3BYTE_BGR, 2, 2, 0),
                Arguments.of("colour 4:2:0, restart every MCU", BufferedImage.TYPE_3BYTE_BGR, 2, 2, 1),
                Arguments.of("colour 4:2:0, restart every 3 MCUs", BufferedImage.TYPE_3BYTE_BGR, 2, 2, 3),
                Arguments.of("colour 4:1:1", BufferedImage.TYPE_3BYTE_BGR, 4, 1, 0));
    }

    /**
     * Images the JDK encodes itself (no sample files needed): sampling factors, restart intervals, odd sizes.
     * Not 4:4:0 (chroma halved vertically only): there the JDK may differ, see {@link #verticalOnlyChromaIsReplicated}.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("encodings")
    void jdkEncodedImageMatchesTheJdkReaderExactly(String name, int type, int h, int v, int restartInterval)
            throws IOException {
        byte[] codestream = TestImages.jdkJpeg(type, h, v, restartInterval);
        RawImage ours = JpegDecoder.decode(codestream, 0, codestream.length);
        Raster jdk = readWithJdk(codestream);

        int[] expected = jdk.getPixels(0, 0, jdk.getWidth(), jdk.getHeight(), (int[]) null);
        assertArrayEquals(expected, LosslessRoundTripTest.actualSamples(ours));
    }

    /**
     * The same images written progressive (SOF2) with libjpeg's default script: interleaved DC scans, spectral
     * selection, successive approximation with end-of-band runs and refinements to the last bit, restart intervals.
     * Since the script refines every coefficient to the last bit, no reader smooths blocks and the samples must
     * agree exactly.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("encodings")
    void jdkEncodedProgressiveImageMatchesTheJdkReaderExactly(String name, int type, int h, int v,
            int restartInterval) throws IOException {
        byte[] codestream = TestImages.jdkProgressiveJpeg(type, h, v, restartInterval);
        assertEquals(Marker.SOF2, JpegMarkers.startOfFrame(codestream), "written progressive");
        RawImage ours = JpegDecoder.decode(codestream, 0, codestream.length);
        Raster jdk = readWithJdk(codestream);

        int[] expected = jdk.getPixels(0, 0, jdk.getWidth(), jdk.getHeight(), (int[]) null);
        assertArrayEquals(expected, LosslessRoundTripTest.actualSamples(ours));
    }

    /**
     * libjpeg 6b, and so DCMTK, replicates chroma that is halved vertically only (it has no "fancy" filter for
     * that case); libjpeg-turbo 2 interpolates, and a JDK built against the system libjpeg-turbo (Debian's) does
     * too. The decoder follows DCMTK, so each pair of lines shares its chroma.
     */
    @Test
    void verticalOnlyChromaIsReplicated() throws IOException {
        byte[] codestream = TestImages.jdkJpeg(BufferedImage.TYPE_3BYTE_BGR, 1, 2, 0);
        RawImage image = JpegDecoder.decode(codestream, 0, codestream.length);

        byte[] samples = image.bytes();
        int line = image.width() * 3;
        for (int y = 0; y + 1 < image.height(); y += 2) {
            for (int x = 0; x < image.width(); x++) {
                for (int c = 1; c < 3; c++) {
                    assertEquals(samples[y * line + x * 3 + c], samples[(y + 1) * line + x * 3 + c],
                            "chroma " + c + " at x " + x + ", lines " + y + " and " + (y + 1));
                }
            }
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
