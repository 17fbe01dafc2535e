package org.sonocine.imaging.jpegls;

import java.util.Arrays;

/**
 * The adaptive statistics of T.87 A.2: for each of the 365 regular contexts the accumulated error magnitude
 * (A), bias (B), prediction correction (C) and occurrence count (N); and for the two run-interruption contexts
 * (indices 365 and 366) A, N and the count of negative errors (Nn). One model serves all components of a scan.
 */
final class ContextModel {
    static final int REGULAR_CONTEXTS = 365;
    /** Index of the run-interruption context for RItype 0; RItype 1 is the next one. */
    static final int RUN_INTERRUPTION = REGULAR_CONTEXTS;
    private static final int MIN_C = -128;
    private static final int MAX_C = 127;

    final int[] a = new int[REGULAR_CONTEXTS + 2];
    final int[] b = new int[REGULAR_CONTEXTS];
    final int[] c = new int[REGULAR_CONTEXTS];
    final int[] n = new int[REGULAR_CONTEXTS + 2];
    final int[] nn = new int[2];
    /**
     * The Golomb parameter of each regular context, kept up to date by {@link #updateRegular} so that decoding
     * a sample looks it up instead of deriving it from A and N on the critical path.
     */
    final int[] k = new int[REGULAR_CONTEXTS];
    private final int initialA;
    private final int reset;
    /** 2 NEAR + 1: the step between reconstructed values. */
    private final int step;

    ContextModel(CodingParameters parameters) {
        this.initialA = Math.max(2, (parameters.range() + 32) >> 6);
        this.reset = parameters.reset();
        this.step = 2 * parameters.near() + 1;
        reset();
    }

    /** Back to the initial state, as at the start of a scan or a restart interval. */
    void reset() {
        Arrays.fill(a, initialA);
        Arrays.fill(b, 0);
        Arrays.fill(c, 0);
        Arrays.fill(n, 1);
        Arrays.fill(nn, 0);
        Arrays.fill(k, golombK(1, initialA));
    }

    /**
     * The Golomb parameter: the smallest k with n * 2^k >= a (T.87 A.5.1), for n >= 1. Computed from the bit
     * lengths without a loop or a branch, since k varies from sample to sample in ways no predictor guesses.
     */
    static int golombK(int n, int a) {
        int k = Math.max(0, Integer.numberOfLeadingZeros(n) - Integer.numberOfLeadingZeros(a));
        return k + (((n << k) - a) >>> 31);
    }

    /**
     * Updates regular context {@code q} after error {@code error} (T.87 A.6.1 and A.6.2). The bias correction
     * is done with min/max rather than branches: which way it goes is close to random on noisy images.
     */
    void updateRegular(int q, int error) {
        int[] a = this.a;
        int[] b = this.b;
        int[] n = this.n;
        int aq = a[q] + Math.abs(error);
        int bq = b[q] + error * step;
        int nq = n[q];
        if (nq == reset) {
            aq >>= 1;
            bq >>= 1;
            nq >>= 1;
        }
        nq++;
        // down: B <= -N, so C decreases and B moves up by N; up: B > 0, so C increases and B moves down by N.
        // Either way B ends in (-N, 0], where it already is otherwise.
        int down = (bq + nq - 1) >> 31;
        int up = -bq >> 31;
        bq = Math.min(0, Math.max(1 - nq, bq + (nq & down) - (nq & up)));
        c[q] = Math.max(MIN_C, Math.min(MAX_C, c[q] + (up & 1) - (down & 1)));
        a[q] = aq;
        b[q] = bq;
        n[q] = nq;
        k[q] = golombK(nq, aq);
    }

    /** The Golomb parameter of run-interruption context {@code type} (RItype, T.87 A.7.2.1). */
    int runInterruptionK(int type) {
        int i = RUN_INTERRUPTION + type;
        int temp = type == 0 ? a[i] : a[i] + (n[i] >> 1);
        return golombK(n[i], temp);
    }

    /**
     * The error a run-interruption sample carries, from its mapped value (the inverse of T.87 A.7.2.2), and the
     * context update that follows it.
     */
    int runInterruptionError(int type, int k, int mapped) {
        int i = RUN_INTERRUPTION + type;
        int t = mapped + type;
        boolean map = (t & 1) != 0;
        int magnitude = (t + 1) >> 1;
        boolean negativeMaps = k != 0 || 2 * nn[type] >= n[i];
        int error = negativeMaps == map ? -magnitude : magnitude;
        if (error < 0) {
            nn[type]++;
        }
        a[i] += (mapped + 1 - type) >> 1;
        if (n[i] == reset) {
            a[i] >>= 1;
            n[i] >>= 1;
            nn[type] >>= 1;
        }
        n[i]++;
        return error;
    }
}
