package org.sonocine.imaging.jpeg;

/**
 * Reconstructs lossless samples from decoded differences (T.81 H.1.2.1), one line at a time, modulo 2^16. Each
 * predictor has its own loop so the inner loops carry no branches. The line above may be the very array being
 * written (a component with one line per MCU row keeps a single line), so Rb and Rc are read before the sample
 * that replaces them is written.
 */
final class LosslessPredictor {
    private LosslessPredictor() {
    }

    /**
     * The first line of a scan or restart interval: the first sample is predicted by {@code initial}
     * (2^(P-Pt-1)), the others by their left neighbour.
     */
    static void firstLine(int[] diff, int[] out, int width, int initial) {
        int ra = (diff[0] + initial) & 0xFFFF;
        out[0] = ra;
        for (int x = 1; x < width; x++) {
            ra = (diff[x] + ra) & 0xFFFF;
            out[x] = ra;
        }
    }

    /** Any other line: the first sample is predicted by the one above, the others by {@code predictor} 1..7. */
    static void line(int predictor, int[] diff, int[] above, int[] out, int width) {
        int rb = above[0];
        int ra = (diff[0] + rb) & 0xFFFF;
        out[0] = ra;
        int rc;
        switch (predictor) {
            case 1 -> {
                for (int x = 1; x < width; x++) {
                    ra = (diff[x] + ra) & 0xFFFF;
                    out[x] = ra;
                }
            }
            case 2 -> {
                for (int x = 1; x < width; x++) {
                    out[x] = (diff[x] + above[x]) & 0xFFFF;
                }
            }
            case 3 -> {
                for (int x = 1; x < width; x++) {
                    rc = rb;
                    rb = above[x];
                    out[x] = (diff[x] + rc) & 0xFFFF;
                }
            }
            case 4 -> {
                for (int x = 1; x < width; x++) {
                    rc = rb;
                    rb = above[x];
                    ra = (diff[x] + ra + rb - rc) & 0xFFFF;
                    out[x] = ra;
                }
            }
            case 5 -> {
                for (int x = 1; x < width; x++) {
                    rc = rb;
                    rb = above[x];
                    ra = (diff[x] + ra + ((rb - rc) >> 1)) & 0xFFFF;
                    out[x] = ra;
                }
            }
            case 6 -> {
                for (int x = 1; x < width; x++) {
                    rc = rb;
                    rb = above[x];
                    ra = (diff[x] + rb + ((ra - rc) >> 1)) & 0xFFFF;
                    out[x] = ra;
                }
            }
            case 7 -> {
                for (int x = 1; x < width; x++) {
                    ra = (diff[x] + ((ra + above[x]) >> 1)) & 0xFFFF;
                    out[x] = ra;
                }
            }
            default -> throw new IllegalArgumentException("predictor " + predictor);
        }
    }
}
