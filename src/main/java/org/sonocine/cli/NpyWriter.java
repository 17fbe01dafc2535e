package org.sonocine.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a NumPy .npy file (format 1.0): a header giving dtype and shape, then the array's bytes, which are
 * streamed frame by frame so that cines larger than memory can be written.
 */
final class NpyWriter {
    private NpyWriter() {
    }

    /**
     * @param dtype NumPy type string, e.g. "|u1", "<u2", "<i2"
     * @param shape the array's shape, e.g. {frames, rows, columns, samples}
     */
    static void writeHeader(OutputStream out, String dtype, long... shape) throws IOException {
        StringBuilder dims = new StringBuilder();
        for (long s : shape) {
            dims.append(s).append(", ");
        }
        String shapeText = shape.length == 1 ? "(" + shape[0] + ",)" : "(" + dims.substring(0, dims.length() - 2) + ")";
        String dict = "{'descr': '" + dtype + "', 'fortran_order': False, 'shape': " + shapeText + ", }";
        int unpadded = 10 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        int length = header.length();
        out.write(length & 0xFF);
        out.write(length >>> 8);
        out.write(header.getBytes(StandardCharsets.US_ASCII));
    }

    /** The dtype of little-endian samples of {@code bytes} bytes, signed or not. */
    static String dtype(int bytes, boolean signed) {
        return (bytes == 1 ? "|" : "<") + (signed ? "i" : "u") + bytes;
    }
}
