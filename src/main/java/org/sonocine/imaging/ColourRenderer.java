package org.sonocine.imaging;

import org.sonocine.imaging.codec.DecodeException;

/**
 * RGB and YCbCr samples to ARGB. YCbCr follows PS3.3 C.7.6.3.1.2: full range (YBR_FULL, and the chroma pairs of
 * native YBR_FULL_422) or the video range of YBR_PARTIAL_422; wider than 8-bit samples are scaled down.
 */
public final class ColourRenderer implements FrameRenderer {
    private static final int[] CR_R = new int[256];
    private static final int[] CB_G = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] PARTIAL_Y = new int[256];
    private static final int[] PARTIAL_CR_R = new int[256];
    private static final int[] PARTIAL_CB_G = new int[256];
    private static final int[] PARTIAL_CR_G = new int[256];
    private static final int[] PARTIAL_CB_B = new int[256];
    private static final int SHIFT = 16;
    private static final int HALF = 1 << (SHIFT - 1);

    static {
        for (int i = 0; i < 256; i++) {
            int c = i - 128;
            CR_R[i] = (int) Math.round(1.402 * c * (1 << SHIFT));
            CB_G[i] = (int) Math.round(-0.344136 * c * (1 << SHIFT));
            CR_G[i] = (int) Math.round(-0.714136 * c * (1 << SHIFT));
            CB_B[i] = (int) Math.round(1.772 * c * (1 << SHIFT));
            PARTIAL_Y[i] = (int) Math.round(1.164384 * (i - 16) * (1 << SHIFT));
            PARTIAL_CR_R[i] = (int) Math.round(1.596027 * c * (1 << SHIFT));
            PARTIAL_CB_G[i] = (int) Math.round(-0.391762 * c * (1 << SHIFT));
            PARTIAL_CR_G[i] = (int) Math.round(-0.812968 * c * (1 << SHIFT));
            PARTIAL_CB_B[i] = (int) Math.round(2.017232 * c * (1 << SHIFT));
        }
    }

    @Override
    public DisplayFrame render(StoredFrame frame, PixelMemory memory) throws DecodeException {
        PixelDescription d = frame.layout();
        int pixels = d.pixels();
        int[] out = memory.argb(pixels);
        byte[] in = eightBit(frame);
        Photometric p = d.photometric();
        if (p == Photometric.YBR_FULL_422 || p == Photometric.YBR_PARTIAL_422) {
            if (in.length < pixels * 2) {
                throw new DecodeException("a 4:2:2 frame of " + pixels + " pixels needs " + pixels * 2 + " bytes");
            }
            subsampled(in, out, d.columns(), d.rows(), p == Photometric.YBR_PARTIAL_422);
        } else if (p == Photometric.YBR_FULL || p == Photometric.YBR_PARTIAL_420 || p == Photometric.YBR_ICT
                || p == Photometric.YBR_RCT) {
            for (int i = 0, s = 0; i < pixels; i++, s += 3) {
                out[i] = ycbcr(in[s] & 0xFF, in[s + 1] & 0xFF, in[s + 2] & 0xFF, false);
            }
        } else {
            for (int i = 0, s = 0; i < pixels; i++, s += 3) {
                out[i] = 0xFF000000 | (in[s] & 0xFF) << 16 | (in[s + 1] & 0xFF) << 8 | (in[s + 2] & 0xFF);
            }
        }
        return new DisplayFrame(frame.index(), d.columns(), d.rows(), out);
    }

    private static void subsampled(byte[] in, int[] out, int width, int height, boolean partial) {
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x += 2) {
                int s = (row + x) * 2;
                int cb = in[s + 2] & 0xFF;
                int cr = in[s + 3] & 0xFF;
                out[row + x] = ycbcr(in[s] & 0xFF, cb, cr, partial);
                if (x + 1 < width) {
                    out[row + x + 1] = ycbcr(in[s + 1] & 0xFF, cb, cr, partial);
                }
            }
        }
    }

    private static int ycbcr(int y, int cb, int cr, boolean partial) {
        int yy = partial ? PARTIAL_Y[y] : y << SHIFT;
        int r = partial ? yy + PARTIAL_CR_R[cr] : yy + CR_R[cr];
        int g = partial ? yy + PARTIAL_CB_G[cb] + PARTIAL_CR_G[cr] : yy + CB_G[cb] + CR_G[cr];
        int b = partial ? yy + PARTIAL_CB_B[cb] : yy + CB_B[cb];
        return 0xFF000000 | clamp((r + HALF) >> SHIFT) << 16 | clamp((g + HALF) >> SHIFT) << 8
                | clamp((b + HALF) >> SHIFT);
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    /** The samples as 8-bit values: wider samples keep their most significant stored bits. */
    private static byte[] eightBit(StoredFrame frame) {
        PixelDescription d = frame.layout();
        if (d.bytesPerSample() == 1) {
            return frame.data();
        }
        int n = frame.data().length / d.bytesPerSample();
        byte[] out = new byte[n];
        int shift = Math.max(0, d.bitsStored() - 8);
        for (int i = 0; i < n; i++) {
            int v = d.bytesPerSample() == 2 ? (frame.data()[2 * i] & 0xFF) | (frame.data()[2 * i + 1] & 0xFF) << 8
                    : frame.data()[4 * i] & 0xFF | (frame.data()[4 * i + 1] & 0xFF) << 8;
            out[i] = (byte) Math.min(255, v >> shift);
        }
        return out;
    }
}
