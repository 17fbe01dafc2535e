package org.sonocine.imaging;

import java.io.ByteArrayOutputStream;

/** Test-only RLE Lossless encoder (PS3.5 G.3), to round-trip our decoder over layouts the samples lack. */
final class RleEncoder {
    private RleEncoder() {
    }

    /** Encodes interleaved little-endian samples into one RLE frame. */
    static byte[] encode(byte[] samples, int pixels, int samplesPerPixel, int bytesPerSample) {
        int segments = samplesPerPixel * bytesPerSample;
        byte[][] encoded = new byte[segments][];
        for (int seg = 0; seg < segments; seg++) {
            int sample = seg / bytesPerSample;
            int byteInSample = bytesPerSample - 1 - seg % bytesPerSample;
            byte[] plane = new byte[pixels];
            for (int p = 0; p < pixels; p++) {
                plane[p] = samples[(p * samplesPerPixel + sample) * bytesPerSample + byteInSample];
            }
            encoded[seg] = packBits(plane);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] header = new byte[64];
        put(header, 0, segments);
        int offset = 64;
        for (int seg = 0; seg < segments; seg++) {
            put(header, 4 + 4 * seg, offset);
            offset += encoded[seg].length;
        }
        out.writeBytes(header);
        for (byte[] e : encoded) {
            out.writeBytes(e);
        }
        return out.toByteArray();
    }

    private static byte[] packBits(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < in.length) {
            int run = 1;
            while (i + run < in.length && run < 128 && in[i + run] == in[i]) {
                run++;
            }
            if (run >= 2) {
                out.write(1 - run);
                out.write(in[i]);
                i += run;
            } else {
                int start = i;
                while (i < in.length && i - start < 128 && (i + 1 >= in.length || in[i + 1] != in[i])) {
                    i++;
                }
                if (i == start) {
                    i++;
                }
                out.write(i - start - 1);
                out.write(in, start, i - start);
            }
        }
        if (out.size() % 2 != 0) {
            out.write(-128);
        }
        return out.toByteArray();
    }

    private static void put(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >> 8);
        b[off + 2] = (byte) (v >> 16);
        b[off + 3] = (byte) (v >> 24);
    }
}
