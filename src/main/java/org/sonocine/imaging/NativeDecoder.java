package org.sonocine.imaging;

import org.sonocine.imaging.codec.DecodeException;

/**
 * Uncompressed pixel data: swaps big-endian words to little endian, interleaves colour-by-plane frames, and
 * extracts 1-bit frames that start inside a byte. Native 4:2:2 data stays as stored (two bytes per pixel).
 */
public final class NativeDecoder implements FrameDecoder {
    @Override
    public String name() {
        return "native";
    }

    @Override
    public StoredFrame decode(EncodedFrame frame) throws DecodeException {
        PixelDescription d = frame.header();
        byte[] in = frame.bytes();
        if (d.bitsAllocated() == 1) {
            return new StoredFrame(frame.index(), d.interleaved(), alignBits(in, frame.bitOffset(), d), "");
        }
        long size = d.photometric().isSubsampled() ? (long) d.pixels() * 2 * d.bytesPerSample() : d.frameBytes();
        if (in.length < size) {
            throw new DecodeException("frame " + (frame.index() + 1) + " holds " + in.length + " bytes, "
                    + size + " expected");
        }
        byte[] data = in.length == size ? in : java.util.Arrays.copyOf(in, (int) size);
        if (frame.bigEndian() && frame.swapUnit() > 1) {
            // 16-bit samples are swapped in pairs, 32-bit ones whole. (8-bit samples in OW, swapped in pairs counted
            // from the start of Pixel Data, arrive already swapped: FrameSource reads the pairs around the frame.)
            int unit = d.bitsAllocated() > 16 ? d.bytesPerSample() : frame.swapUnit();
            org.sonocine.dicom.Bytes.swap(data, 0, data.length, unit);
        }
        if (d.samplesPerPixel() > 1 && d.planarConfiguration() == 1 && !d.photometric().isSubsampled()) {
            data = interleave(data, d, frame.output(data.length));
        }
        return new StoredFrame(frame.index(), d.interleaved(), data, "");
    }

    private static byte[] interleave(byte[] planar, PixelDescription d, byte[] out) {
        int pixels = d.pixels();
        int samples = d.samplesPerPixel();
        int width = d.bytesPerSample();
        if (samples == 3 && width == 1) {
            // One pass writing each pixel whole: three sequential reads and one sequential write stream.
            for (int p = 0, o = 0; p < pixels; p++, o += 3) {
                out[o] = planar[p];
                out[o + 1] = planar[pixels + p];
                out[o + 2] = planar[2 * pixels + p];
            }
            return out;
        }
        for (int s = 0; s < samples; s++) {
            int planeStart = s * pixels * width;
            if (width == 1) {
                for (int p = 0, o = s; p < pixels; p++, o += samples) {
                    out[o] = planar[planeStart + p];
                }
            } else {
                for (int p = 0; p < pixels; p++) {
                    System.arraycopy(planar, planeStart + p * width, out, (p * samples + s) * width, width);
                }
            }
        }
        return out;
    }

    /** Packs the frame's bits so that its first pixel is bit 0 of byte 0 (DICOM packs 1-bit data LSB first). */
    private static byte[] alignBits(byte[] in, int bitOffset, PixelDescription d) {
        long bits = (long) d.pixels() * d.samplesPerPixel();
        byte[] out = new byte[(int) ((bits + 7) / 8)];
        if (bitOffset == 0) {
            System.arraycopy(in, 0, out, 0, Math.min(in.length, out.length));
            return out;
        }
        for (int i = 0; i < out.length; i++) {
            int lo = (in[i] & 0xFF) >>> bitOffset;
            int hi = i + 1 < in.length ? (in[i + 1] & 0xFF) << (8 - bitOffset) : 0;
            out[i] = (byte) (lo | hi);
        }
        return out;
    }
}
