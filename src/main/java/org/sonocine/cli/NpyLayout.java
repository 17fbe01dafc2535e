package org.sonocine.cli;

import org.sonocine.imaging.Photometric;
import org.sonocine.imaging.PixelDescription;
import org.sonocine.imaging.StoredFrame;

/**
 * Stored values as a NumPy user expects an array: one element per sample, so 1-bit data is unpacked to one byte
 * per pixel and native 4:2:2 chroma is repeated for both pixels of its pair (YBR_FULL, three samples per pixel).
 */
final class NpyLayout {
    private NpyLayout() {
    }

    static StoredFrame expandChroma(StoredFrame frame) {
        PixelDescription d = frame.layout();
        if (!d.photometric().isSubsampled() || d.bytesPerSample() != 1) {
            return frame;
        }
        byte[] in = frame.data();
        int pixels = d.pixels();
        byte[] out = new byte[pixels * 3];
        for (int p = 0; p < pixels; p += 2) {
            int s = p * 2;
            for (int k = 0; k < 2 && p + k < pixels; k++) {
                out[(p + k) * 3] = in[s + k];
                out[(p + k) * 3 + 1] = in[s + 2];
                out[(p + k) * 3 + 2] = in[s + 3];
            }
        }
        Photometric full = d.photometric() == Photometric.YBR_FULL_422 ? Photometric.YBR_FULL : d.photometric();
        return new StoredFrame(frame.index(), d.withPhotometric(full), out, frame.note());
    }

    static byte[] samples(StoredFrame frame) {
        PixelDescription d = frame.layout();
        if (d.bitsAllocated() != 1) {
            return frame.data();
        }
        int n = d.pixels() * d.samplesPerPixel();
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) ((frame.data()[i >> 3] >> (i & 7)) & 1);
        }
        return out;
    }
}
