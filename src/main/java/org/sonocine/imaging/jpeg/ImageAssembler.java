package org.sonocine.imaging.jpeg;

import org.sonocine.imaging.DecodeException;
import org.sonocine.imaging.RawImage;

/** Upsamples the component planes to full resolution and interleaves them by pixel into a {@link RawImage}. */
final class ImageAssembler {
    private ImageAssembler() {
    }

    static RawImage assemble(FrameHeader frame, ComponentPlane[] planes, boolean fancyUpsampling)
            throws DecodeException {
        int width = frame.width();
        int height = frame.height();
        int n = planes.length;
        Upsampler[] upsamplers = new Upsampler[n];
        int longestLine = width;
        for (int c = 0; c < n; c++) {
            upsamplers[c] = Upsampler.forComponent(frame, c, planes[c], fancyUpsampling);
            longestLine = Math.max(longestLine, upsamplers[c].lineLength());
        }
        short[] buffer = new short[longestLine];
        boolean narrow = frame.precision() <= 8;
        byte[] bytes = narrow ? new byte[width * height * n] : null;
        short[] shorts = narrow ? null : new short[width * height * n];
        for (int c = 0; c < n; c++) {
            Upsampler up = upsamplers[c];
            for (int y = 0; y < height; y++) {
                short[] src = up.line(y, buffer);
                int from = up.lineStart(y);
                int o = y * width * n + c;
                if (narrow) {
                    for (int x = 0; x < width; x++, o += n) {
                        bytes[o] = (byte) src[from + x];
                    }
                } else {
                    for (int x = 0; x < width; x++, o += n) {
                        shorts[o] = src[from + x];
                    }
                }
            }
        }
        return narrow ? RawImage.ofBytes(width, height, n, frame.precision(), bytes)
                : RawImage.ofShorts(width, height, n, frame.precision(), shorts);
    }
}
