package org.sonocine.imaging.jpeg;

/**
 * The lossless predictors of T.81 H.1.2.1 and the reconstruction of a component line from its differences,
 * modulo 2^16, for the general decoding path (the common one fuses this into {@link LosslessLineDecoder}).
 */
final class LosslessPredictor {
    private LosslessPredictor() {
    }

    /** Prediction by selection value 1..7 (T.81 table H.1) from the left (a), above (b) and above-left (c). */
    static int predict(int predictor, int ra, int rb, int rc) {
        return switch (predictor) {
            case 1 -> ra;
            case 2 -> rb;
            case 3 -> rc;
            case 4 -> ra + rb - rc;
            case 5 -> ra + ((rb - rc) >> 1);
            case 6 -> rb + ((ra - rc) >> 1);
            default -> (ra + rb) >> 1;
        };
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

    /**
     * Any other line: the first sample is predicted by the one above, the others by {@code predictor}. The line
     * above may be the very array being written (a component with one line per row of MCUs keeps one line), so Rb
     * and Rc are read before the sample that replaces them is written.
     */
    static void line(int predictor, int[] diff, int[] above, int[] out, int width) {
        int rb = above[0];
        int ra = (diff[0] + rb) & 0xFFFF;
        out[0] = ra;
        for (int x = 1; x < width; x++) {
            int rc = rb;
            rb = above[x];
            ra = (diff[x] + predict(predictor, ra, rb, rc)) & 0xFFFF;
            out[x] = ra;
        }
    }
}
