package org.sonocine.imaging.jpeg;

import org.sonocine.imaging.DecodeException;
import org.sonocine.imaging.RawImage;

/**
 * The decoded image being filled in: full-resolution samples interleaved by pixel, one byte each up to 8 bits of
 * precision, a short otherwise. Lines arrive either directly (lossless full-size components) or as component
 * planes that are upsampled on the way in.
 */
final class OutputImage {
    private final FrameHeader frame;
    private final int width;
    private final int components;
    private final byte[] bytes;
    private final short[] shorts;

    OutputImage(FrameHeader frame) {
        this.frame = frame;
        this.width = frame.width();
        this.components = frame.componentCount();
        int size = width * frame.height() * components;
        boolean narrow = frame.precision() <= 8;
        this.bytes = narrow ? new byte[size] : null;
        this.shorts = narrow ? null : new short[size];
    }

    /**
     * Stores line {@code y} of a full-size component: {@code values[start + k * step] << shift} for the
     * {@code width} pixels k, truncated to the sample size as libjpeg's JSAMPLE cast does.
     */
    void putLine(int component, int y, int[] values, int start, int step, int shift) {
        int o = y * width * components + component;
        int end = start + width * step;
        if (bytes != null) {
            for (int i = start; i < end; i += step, o += components) {
                bytes[o] = (byte) (values[i] << shift);
            }
        } else {
            for (int i = start; i < end; i += step, o += components) {
                shorts[o] = (short) (values[i] << shift);
            }
        }
    }

    /** Stores line {@code y} of whole pixels, {@code values} holding all components interleaved in frame order. */
    void putPixels(int y, int[] values, int shift) {
        int o = y * width * components;
        int count = width * components;
        if (bytes != null && shift == 0) {
            for (int i = 0; i < count; i++) {
                bytes[o + i] = (byte) values[i];
            }
        } else if (bytes != null) {
            for (int i = 0; i < count; i++) {
                bytes[o + i] = (byte) (values[i] << shift);
            }
        } else {
            for (int i = 0; i < count; i++) {
                shorts[o + i] = (short) (values[i] << shift);
            }
        }
    }

    /** Upsamples the given planes (null entries are skipped) to full size and stores them. */
    void putPlanes(ComponentPlane[] planes, boolean fancyUpsampling) throws DecodeException {
        int height = frame.height();
        for (int c = 0; c < planes.length; c++) {
            if (planes[c] == null) {
                continue;
            }
            Upsampler up = Upsampler.forComponent(frame, c, planes[c], fancyUpsampling);
            short[] buffer = new short[Math.max(width, up.lineLength())];
            for (int y = 0; y < height; y++) {
                short[] src = up.line(y, buffer);
                int from = up.lineStart(y);
                int o = y * width * components + c;
                if (bytes != null) {
                    for (int x = 0; x < width; x++, o += components) {
                        bytes[o] = (byte) src[from + x];
                    }
                } else {
                    for (int x = 0; x < width; x++, o += components) {
                        shorts[o] = src[from + x];
                    }
                }
            }
        }
    }

    RawImage toRawImage() {
        return bytes != null ? RawImage.ofBytes(width, frame.height(), components, frame.precision(), bytes)
                : RawImage.ofShorts(width, frame.height(), components, frame.precision(), shorts);
    }
}
