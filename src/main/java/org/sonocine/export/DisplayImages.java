package org.sonocine.export;

import org.sonocine.imaging.DisplayFrame;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/** Display frames as images the JDK's writers take: grey when the image is monochrome, RGB otherwise. */
public final class DisplayImages {
    private DisplayImages() {
    }

    public static BufferedImage of(DisplayFrame frame, boolean monochrome) {
        BufferedImage image;
        if (monochrome) {
            image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_BYTE_GRAY);
            byte[] grey = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            int[] argb = frame.argb();
            for (int i = 0; i < grey.length; i++) {
                // A monochrome rendering has equal channels: blue stands for all three.
                grey[i] = (byte) argb[i];
            }
        } else {
            image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
            int[] rgb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
            System.arraycopy(frame.argb(), 0, rgb, 0, rgb.length);
        }
        return image;
    }
}
