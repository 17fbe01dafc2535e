package org.sonocine.imaging.jpeg;

/**
 * Reconstructs lossless samples from decoded differences (T.81 H.1.2.1), one component line at a time, modulo
 * 2^16. The line's samples sit at {@code start, start + step, ...} below {@code end} in both the difference and
 * the sample arrays, so a line of pixel-interleaved components is reconstructed in place. Each predictor has its
 * own loop so the inner loops carry no branches. The line above may be the very array being written, so Rb and Rc
 * are read before the sample that replaces them is written.
 */
final class LosslessPredictor {
    private LosslessPredictor() {
    }

    /**
     * The first line of a scan or restart interval: the first sample is predicted by {@code initial}
     * (2^(P-Pt-1)), the others by their left neighbour.
     */
    static void firstLine(int[] diff, int[] out, int start, int step, int end, int initial) {
        int ra = (diff[start] + initial) & 0xFFFF;
        out[start] = ra;
        for (int i = start + step; i < end; i += step) {
            ra = (diff[i] + ra) & 0xFFFF;
            out[i] = ra;
        }
    }

    /** Any other line: the first sample is predicted by the one above, the others by {@code predictor} 1..7. */
    static void line(int predictor, int[] diff, int[] above, int[] out, int start, int step, int end) {
        int rb = above[start];
        int ra = (diff[start] + rb) & 0xFFFF;
        out[start] = ra;
        int rc;
        switch (predictor) {
            case 1 -> {
                for (int i = start + step; i < end; i += step) {
                    ra = (diff[i] + ra) & 0xFFFF;
                    out[i] = ra;
                }
            }
            case 2 -> {
                for (int i = start + step; i < end; i += step) {
                    out[i] = (diff[i] + above[i]) & 0xFFFF;
                }
            }
            case 3 -> {
                for (int i = start + step; i < end; i += step) {
                    rc = rb;
                    rb = above[i];
                    out[i] = (diff[i] + rc) & 0xFFFF;
                }
            }
            case 4 -> {
                for (int i = start + step; i < end; i += step) {
                    rc = rb;
                    rb = above[i];
                    ra = (diff[i] + ra + rb - rc) & 0xFFFF;
                    out[i] = ra;
                }
            }
            case 5 -> {
                for (int i = start + step; i < end; i += step) {
                    rc = rb;
                    rb = above[i];
                    ra = (diff[i] + ra + ((rb - rc) >> 1)) & 0xFFFF;
                    out[i] = ra;
                }
            }
            case 6 -> {
                for (int i = start + step; i < end; i += step) {
                    rc = rb;
                    rb = above[i];
                    ra = (diff[i] + rb + ((ra - rc) >> 1)) & 0xFFFF;
                    out[i] = ra;
                }
            }
            case 7 -> {
                for (int i = start + step; i < end; i += step) {
                    ra = (diff[i] + ((ra + above[i]) >> 1)) & 0xFFFF;
                    out[i] = ra;
                }
            }
            default -> throw new IllegalArgumentException("predictor " + predictor);
        }
    }
}
