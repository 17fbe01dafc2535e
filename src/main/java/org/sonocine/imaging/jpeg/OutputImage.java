package org.sonocine.imaging.jpeg;

import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.imaging.codec.RawImage;

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

    /**
     * Upsamples the given planes (null entries are skipped) to full size and stores them, line by line so that
     * each output line is written while it is in cache.
     */
    void putPlanes(ComponentPlane[] planes, boolean fancyUpsampling) throws DecodeException {
        Upsampler[] upsamplers = new Upsampler[planes.length];
        short[][] buffers = new short[planes.length][];
        boolean all = true;
        for (int c = 0; c < planes.length; c++) {
            if (planes[c] == null) {
                all = false;
                continue;
            }
            upsamplers[c] = Upsampler.forComponent(frame, c, planes[c], fancyUpsampling);
            buffers[c] = new short[Math.max(width, upsamplers[c].lineLength())];
        }
        short[][] lines = new short[planes.length][];
        int[] starts = new int[planes.length];
        for (int y = 0; y < frame.height(); y++) {
            for (int c = 0; c < planes.length; c++) {
                if (upsamplers[c] != null) {
                    lines[c] = upsamplers[c].line(y, buffers[c]);
                    starts[c] = upsamplers[c].lineStart(y);
                }
            }
            int o = y * width * components;
            if (all && components == 3 && bytes != null) {
                interleaveThree(lines, starts, o);
                continue;
            }
            for (int c = 0; c < planes.length; c++) {
                if (upsamplers[c] != null) {
                    put(lines[c], starts[c], o + c);
                }
            }
        }
    }

    /** The common colour case in one pass: three samples per pixel written in order. */
    private void interleaveThree(short[][] lines, int[] starts, int o) {
        short[] a = lines[0];
        short[] b = lines[1];
        short[] c = lines[2];
        int ia = starts[0];
        int ib = starts[1];
        int ic = starts[2];
        for (int x = 0; x < width; x++, o += 3) {
            bytes[o] = (byte) a[ia + x];
            bytes[o + 1] = (byte) b[ib + x];
            bytes[o + 2] = (byte) c[ic + x];
        }
    }

    private void put(short[] line, int from, int o) {
        if (bytes != null) {
            for (int x = 0; x < width; x++, o += components) {
                bytes[o] = (byte) line[from + x];
            }
        } else {
            for (int x = 0; x < width; x++, o += components) {
                shorts[o] = line[from + x];
            }
        }
    }

    RawImage toRawImage() {
        return bytes != null ? RawImage.ofBytes(width, frame.height(), components, frame.precision(), bytes)
                : RawImage.ofShorts(width, frame.height(), components, frame.precision(), shorts);
    }
}
