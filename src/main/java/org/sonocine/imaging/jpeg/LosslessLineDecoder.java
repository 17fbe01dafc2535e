package org.sonocine.imaging.jpeg;

import org.sonocine.imaging.codec.DecodeException;

/**
 * Decodes and reconstructs a line of pixel-interleaved lossless samples in one pass: the Huffman decoding is a
 * chain of dependent table lookups and the predictor arithmetic adds little beside it, so doing both in the same
 * loop, with the bit buffer in locals, avoids a second pass over the line (a third faster than two passes).
 */
final class LosslessLineDecoder {
    private final HuffmanTable[] tables;
    private final int[][] lookups;
    private final int step;

    /** {@code tables[i]} decodes the i-th sample of every pixel. */
    LosslessLineDecoder(HuffmanTable[] tables) {
        this.tables = tables;
        this.step = tables.length;
        this.lookups = new int[step][];
        for (int i = 0; i < step; i++) {
            lookups[i] = tables[i].differenceLookup();
        }
    }

    /**
     * Decodes {@code count} samples (a whole number of pixels) into {@code line}, predicting from the samples
     * to their left and from {@code above}, the line before. {@code predictor} 0 marks the first line of a scan
     * or restart interval (predictor 1, and {@code initial} for the first pixel); otherwise the first pixel is
     * predicted from above and the others by the predictor 1..7 of T.81 table H.1, all modulo 2^16.
     */
    void decode(BitReader in, int[] above, int[] line, int count, int predictor, int initial)
            throws DecodeException {
        int n = step;
        // the first pixel has its own predictions; a handful of samples, so the general path does
        for (int i = 0; i < n; i++) {
            line[i] = (in.difference(tables[i]) + (predictor == 0 ? initial : above[i])) & 0xFFFF;
        }
        int p = predictor == 0 ? 1 : predictor;
        long buf = in.buffer;
        int bits = in.bits;
        int t = 0;
        for (int i = n; i < count; i++) {
            if (bits < 32) {
                in.buffer = buf;
                in.bits = bits;
                in.fill();
                buf = in.buffer;
                bits = in.bits;
            }
            int entry = lookups[t][(int) (buf >>> (64 - HuffmanTable.DIFFERENCE_BITS))];
            int diff;
            if (entry != 0) {
                int length = entry & 0xFF;
                buf <<= length;
                bits -= length;
                diff = entry >> 8;
            } else {
                in.buffer = buf;
                in.bits = bits;
                diff = in.difference(tables[t]);
                buf = in.buffer;
                bits = in.bits;
            }
            if (++t == n) {
                t = 0;
            }
            line[i] = (diff + LosslessPredictor.predict(p, line[i - n], above[i], above[i - n])) & 0xFFFF;
        }
        in.buffer = buf;
        in.bits = bits;
    }
}
