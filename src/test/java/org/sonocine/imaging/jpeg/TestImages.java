package org.sonocine.imaging.jpeg;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** Small valid codestreams made in the test itself, so that tests need no sample files. */
final class TestImages {
    private TestImages() {
    }

    /** A 23x17 lossless image: 3 components, predictor 6, 12 bits, restart every 5 rows. */
    static byte[] lossless() {
        int[][] planes = LosslessRoundTripTest.syntheticPlanes(3, 12, 42);
        return LosslessJpegEncoder.encode(planes, 23, 17, 12, 6, 0, 5 * 23, true);
    }

    /** A baseline colour JPEG (YCbCr 4:2:0) written by the JDK's encoder. */
    static byte[] baselineColour() {
        return jdkJpeg(BufferedImage.TYPE_3BYTE_BGR);
    }

    /** A baseline greyscale JPEG written by the JDK's encoder. */
    static byte[] baselineGrey() {
        return jdkJpeg(BufferedImage.TYPE_BYTE_GRAY);
    }

    private static byte[] jdkJpeg(int type) {
        BufferedImage image = new BufferedImage(45, 29, type);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int r = (x * 255) / image.getWidth();
                int g = (y * 255) / image.getHeight();
                int b = ((x / 4 + y / 3) % 2) * 255;
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "jpeg", out)) {
                throw new IllegalStateException("no JPEG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
