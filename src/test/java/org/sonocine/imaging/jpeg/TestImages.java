package org.sonocine.imaging.jpeg;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.w3c.dom.NodeList;

/** Small valid codestreams made in the test itself, so that tests need no sample files. */
final class TestImages {
    private static final String JPEG_METADATA = "javax_imageio_jpeg_image_1.0";

    private TestImages() {
    }

    /** A 23x17 lossless image: 3 components, predictor 6, 12 bits, restart every 5 rows. */
    static byte[] lossless() {
        int[][] planes = LosslessRoundTripTest.syntheticPlanes(3, 12, 42);
        return LosslessJpegEncoder.encode(planes, 23, 17, 12, 6, 0, 5 * 23, true);
    }

    /** A 45x29 baseline colour JPEG (YCbCr 4:2:0) written by the JDK's encoder. */
    static byte[] baselineColour() {
        return jdkJpeg(BufferedImage.TYPE_3BYTE_BGR, 2, 2, 0);
    }

    /** A 45x29 baseline greyscale JPEG written by the JDK's encoder. */
    static byte[] baselineGrey() {
        return jdkJpeg(BufferedImage.TYPE_BYTE_GRAY, 1, 1, 0);
    }

    /**
     * A 45x29 JPEG written by the JDK's encoder with the luminance sampled {@code h} x {@code v} (chroma 1x1) and
     * a restart interval of {@code restartInterval} MCUs (0: none).
     */
    static byte[] jdkJpeg(int imageType, int h, int v, int restartInterval) {
        return jdkJpeg(imageType, h, v, restartInterval, false);
    }

    /**
     * As {@link #jdkJpeg(int, int, int, int)}, but progressive (SOF2) with libjpeg's default script: interleaved
     * DC scans, spectral selection and successive approximation with refinements down to the last bit. (The JDK
     * cannot write other scripts: it throws on the scans of a progressive metadata tree.)
     */
    static byte[] jdkProgressiveJpeg(int imageType, int h, int v, int restartInterval) {
        return jdkJpeg(imageType, h, v, restartInterval, true);
    }

    private static byte[] jdkJpeg(int imageType, int h, int v, int restartInterval, boolean progressive) {
        BufferedImage image = new BufferedImage(45, 29, imageType);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int r = (x * 255) / image.getWidth();
                int g = (y * 255) / image.getHeight();
                int b = ((x / 4 + y / 3) % 2) * 255;
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        ImageWriter writer = jdkWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), null);
            IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(JPEG_METADATA);
            NodeList components = root.getElementsByTagName("componentSpec");
            ((IIOMetadataNode) components.item(0)).setAttribute("HsamplingFactor", Integer.toString(h));
            ((IIOMetadataNode) components.item(0)).setAttribute("VsamplingFactor", Integer.toString(v));
            if (restartInterval > 0) {
                IIOMetadataNode dri = new IIOMetadataNode("dri");
                dri.setAttribute("interval", Integer.toString(restartInterval));
                IIOMetadataNode markers = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
                markers.insertBefore(dri, markers.getFirstChild());
            }
            metadata.setFromTree(JPEG_METADATA, root);
            ImageWriteParam param = null;
            if (progressive) {
                param = writer.getDefaultWriteParam();
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static ImageWriter jdkWriter() {
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext();) {
            ImageWriter writer = it.next();
            if (writer.getClass().getName().startsWith("com.sun.imageio.plugins.jpeg")) {
                return writer;
            }
            writer.dispose();
        }
        throw new IllegalStateException("the JDK's JPEG writer is not available");
    }
}
