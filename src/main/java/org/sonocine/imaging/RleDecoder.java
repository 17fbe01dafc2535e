package org.sonocine.imaging;

import org.sonocine.imaging.codec.DecodeException;

/**
 * RLE Lossless (PS3.5 Annex G): a 64-byte header of segment offsets, then one PackBits-coded segment per byte
 * plane, most significant byte of each sample first, sample by sample. Decodes each segment straight into its
 * place in the interleaved little-endian output.
 */
public final class RleDecoder implements FrameDecoder {
    private static final int HEADER = 64;

    @Override
    public String name() {
        return "RLE";
    }

    @Override
    public StoredFrame decode(EncodedFrame frame) throws DecodeException {
        PixelDescription d = frame.header();
        byte[] in = frame.bytes();
        String where = "RLE frame " + (frame.index() + 1);
        if (in.length < HEADER) {
            throw new DecodeException(where + " is " + in.length + " bytes, shorter than its 64-byte header");
        }
        if (d.bitsAllocated() == 1) {
            return decodeBits(frame, in, where);
        }
        int bytesPerSample = d.bytesPerSample();
        int expectedSegments = d.samplesPerPixel() * bytesPerSample;
        int segments = int32(in, 0);
        if (segments != expectedSegments) {
            throw new DecodeException(where + " has " + segments + " segments; " + d.samplesPerPixel()
                    + " samples of " + d.bitsAllocated() + " bits need " + expectedSegments);
        }
        int pixels = d.pixels();
        requireRoom(in, segments, pixels, where);
        byte[] out = frame.output(pixels * expectedSegments);
        int stride = expectedSegments;
        for (int seg = 0; seg < segments; seg++) {
            long start = int32(in, 4 + 4 * seg) & 0xFFFFFFFFL;
            long end = seg + 1 < segments ? int32(in, 8 + 4 * seg) & 0xFFFFFFFFL : in.length;
            if (start < HEADER || end > in.length || end < start) {
                throw new DecodeException(where + ": segment " + (seg + 1) + " lies outside the frame (bytes "
                        + start + "-" + end + " of " + in.length + ")");
            }
            int sample = seg / bytesPerSample;
            int significance = seg % bytesPerSample;
            int first = sample * bytesPerSample + (bytesPerSample - 1 - significance);
            int produced = unpack(in, (int) start, (int) end, out, first, stride, pixels);
            if (produced < pixels) {
                throw new DecodeException(where + ": segment " + (seg + 1) + " decodes to " + produced
                        + " bytes, " + pixels + " expected (truncated or corrupt)");
            }
        }
        return new StoredFrame(frame.index(), d.interleaved(), out, "");
    }

    /**
     * Refuses before allocating when a segment is too short to hold its byte plane even at PackBits' best (two
     * bytes for a run of 128), so that a tiny segment under a header claiming a huge image costs nothing.
     */
    private static void requireRoom(byte[] in, int segments, long bytes, String where) throws DecodeException {
        for (int seg = 0; seg < segments; seg++) {
            long start = int32(in, 4 + 4 * seg) & 0xFFFFFFFFL;
            long end = seg + 1 < segments ? int32(in, 8 + 4 * seg) & 0xFFFFFFFFL : in.length;
            long most = Math.max(0, end - start + 1) / 2 * 128;
            if (most < bytes) {
                throw new DecodeException(where + ": segment " + (seg + 1) + " of " + Math.max(0, end - start)
                        + " bytes cannot hold the " + bytes + " bytes of its plane (truncated or corrupt)");
            }
        }
    }

    /**
     * 1-bit data (PS3.5 G.2, CP 2301): one segment holding the frame's bits packed as native data packs them,
     * the frame starting at a byte boundary however the frames before it ended.
     */
    private static StoredFrame decodeBits(EncodedFrame frame, byte[] in, String where) throws DecodeException {
        PixelDescription d = frame.header();
        if (d.samplesPerPixel() != 1 || int32(in, 0) != 1) {
            throw new DecodeException(where + " has " + int32(in, 0) + " segments; 1-bit RLE data needs one segment"
                    + " of one sample per pixel");
        }
        long start = int32(in, 4) & 0xFFFFFFFFL;
        if (start < HEADER || start > in.length) {
            throw new DecodeException(where + ": segment 1 lies outside the frame (byte " + start + " of "
                    + in.length + ")");
        }
        int bytes = (int) d.frameBytes();
        requireRoom(in, 1, bytes, where);
        byte[] out = frame.output(bytes);
        int produced = unpack(in, (int) start, in.length, out, 0, 1, bytes);
        if (produced < bytes) {
            throw new DecodeException(where + ": segment 1 decodes to " + produced + " bytes, " + bytes
                    + " expected for " + d.pixels() + " one-bit pixels (truncated or corrupt)");
        }
        return new StoredFrame(frame.index(), d.interleaved(), out, "");
    }

    /** PackBits into every {@code stride}-th byte of {@code out}; returns how many bytes were produced. */
    private static int unpack(byte[] in, int pos, int end, byte[] out, int first, int stride, int count) {
        int o = first;
        int produced = 0;
        while (pos < end && produced < count) {
            int n = in[pos++];
            if (n >= 0) {
                int run = Math.min(n + 1, Math.min(end - pos, count - produced));
                if (stride == 1) {
                    System.arraycopy(in, pos, out, o, run);
                    o += run;
                } else {
                    for (int k = 0; k < run; k++, o += stride) {
                        out[o] = in[pos + k];
                    }
                }
                pos += run;
                produced += run;
            } else if (n != -128) {
                if (pos >= end) {
                    break;
                }
                byte value = in[pos++];
                int run = Math.min(1 - n, count - produced);
                if (stride == 1) {
                    java.util.Arrays.fill(out, o, o + run, value);
                    o += run;
                } else {
                    for (int k = 0; k < run; k++, o += stride) {
                        out[o] = value;
                    }
                }
                produced += run;
            }
        }
        return produced;
    }

    private static int int32(byte[] b, int off) {
        return (b[off] & 0xFF) | ((b[off + 1] & 0xFF) << 8) | ((b[off + 2] & 0xFF) << 16) | ((b[off + 3] & 0xFF) << 24);
    }
}
