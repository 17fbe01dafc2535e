package org.sonocine.imaging.jpeg;

import org.sonocine.imaging.codec.DecodeException;

/**
 * Brings one component plane to full image resolution a line at a time, choosing the method as libjpeg 6b's
 * jdsample.c does: for DCT frames, 2:1 horizontal and 2:1 both-ways subsampling use the "fancy" triangular filter
 * (3/4 nearer sample + 1/4 further one, with libjpeg's alternating rounding bias) when the component is more than
 * 2 samples wide; every other integral ratio, and all of lossless JPEG, replicates samples.
 */
final class Upsampler {
    private enum Method { FULL_SIZE, FANCY_H2V1, FANCY_H2V2, REPLICATE }

    private final ComponentPlane plane;
    private final Method method;
    private final int hRatio;
    private final int vRatio;

    private Upsampler(ComponentPlane plane, Method method, int hRatio, int vRatio) {
        this.plane = plane;
        this.method = method;
        this.hRatio = hRatio;
        this.vRatio = vRatio;
    }

    static Upsampler forComponent(FrameHeader frame, int component, ComponentPlane plane, boolean fancy)
            throws DecodeException {
        FrameHeader.Component c = frame.component(component);
        if (frame.maxH() % c.h() != 0 || frame.maxV() % c.v() != 0) {
            throw new DecodeException("component " + c.id() + " has sampling factors " + c.h() + "x" + c.v()
                    + " that do not divide the frame's " + frame.maxH() + "x" + frame.maxV()
                    + " (fractional upsampling is not supported)");
        }
        int hRatio = frame.maxH() / c.h();
        int vRatio = frame.maxV() / c.v();
        Method method;
        if (hRatio == 1 && vRatio == 1) {
            method = Method.FULL_SIZE;
        } else if (fancy && hRatio == 2 && vRatio == 1 && plane.width > 2) {
            method = Method.FANCY_H2V1;
        } else if (fancy && hRatio == 2 && vRatio == 2 && plane.width > 2) {
            method = Method.FANCY_H2V2;
        } else {
            method = Method.REPLICATE;
        }
        return new Upsampler(plane, method, hRatio, vRatio);
    }

    /** Samples in an upsampled line: the image width or a few more. */
    int lineLength() {
        return plane.width * hRatio;
    }

    /**
     * Output line {@code y}: in {@code buffer} (of at least {@link #lineLength()}) from index 0, or, for a
     * full-size component, straight from the plane from {@link #lineStart(int)} on.
     */
    short[] line(int y, short[] buffer) {
        switch (method) {
            case FULL_SIZE -> {
                return plane.samples;
            }
            case FANCY_H2V1 -> fancyH2v1(y, buffer);
            case FANCY_H2V2 -> fancyH2v2(y, buffer);
            case REPLICATE -> replicate(y, buffer);
        }
        return buffer;
    }

    /** Where output line {@code y} starts in the array {@link #line} returns. */
    int lineStart(int y) {
        return method == Method.FULL_SIZE ? y * plane.stride : 0;
    }

    private void fancyH2v1(int y, short[] out) {
        short[] s = plane.samples;
        int in = y * plane.stride;
        int last = plane.width - 1;
        int value = s[in];
        out[0] = (short) value;
        out[1] = (short) ((value * 3 + s[in + 1] + 2) >> 2);
        for (int x = 1; x < last; x++) {
            value = s[in + x] * 3;
            out[2 * x] = (short) ((value + s[in + x - 1] + 1) >> 2);
            out[2 * x + 1] = (short) ((value + s[in + x + 1] + 2) >> 2);
        }
        value = s[in + last];
        out[2 * last] = (short) ((value * 3 + s[in + last - 1] + 1) >> 2);
        out[2 * last + 1] = (short) value;
    }

    /**
     * Output line y lies between input lines y/2 and the one above (even y) or below (odd y); beyond the top
     * and bottom edges libjpeg repeats the edge line.
     */
    private void fancyH2v2(int y, short[] out) {
        short[] s = plane.samples;
        int row = y >> 1;
        int other = (y & 1) == 0 ? Math.max(row - 1, 0) : Math.min(row + 1, plane.height - 1);
        int near = row * plane.stride;
        int far = other * plane.stride;
        int last = plane.width - 1;
        int thisSum = s[near] * 3 + s[far];
        int nextSum = s[near + 1] * 3 + s[far + 1];
        out[0] = (short) ((thisSum * 4 + 8) >> 4);
        out[1] = (short) ((thisSum * 3 + nextSum + 7) >> 4);
        int lastSum = thisSum;
        thisSum = nextSum;
        for (int x = 1; x < last; x++) {
            nextSum = s[near + x + 1] * 3 + s[far + x + 1];
            out[2 * x] = (short) ((thisSum * 3 + lastSum + 8) >> 4);
            out[2 * x + 1] = (short) ((thisSum * 3 + nextSum + 7) >> 4);
            lastSum = thisSum;
            thisSum = nextSum;
        }
        out[2 * last] = (short) ((thisSum * 3 + lastSum + 8) >> 4);
        out[2 * last + 1] = (short) ((thisSum * 4 + 7) >> 4);
    }

    private void replicate(int y, short[] out) {
        short[] s = plane.samples;
        int in = (y / vRatio) * plane.stride;
        int o = 0;
        for (int x = 0; x < plane.width; x++) {
            short value = s[in + x];
            for (int i = 0; i < hRatio; i++) {
                out[o++] = value;
            }
        }
    }
}
