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
    }

    /** The Golomb parameter: the smallest k with n * 2^k >= a (T.87 A.5.1), computed without a loop. */
    static int golombK(int n, int a) {
        if (n >= a) {
            return 0;
        }
        int k = Integer.numberOfLeadingZeros(n) - Integer.numberOfLeadingZeros(a);
        return (n << k) < a ? k + 1 : k;
    }

    /** Updates regular context {@code q} after error {@code error} (T.87 A.6.1 and A.6.2). */
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
        if (bq + nq <= 0) {
            bq += nq;
            if (bq <= -nq) {
                bq = 1 - nq;
            }
            if (c[q] > MIN_C) {
                c[q]--;
            }
        } else if (bq > 0) {
            bq -= nq;
            if (bq > 0) {
                bq = 0;
            }
            if (c[q] < MAX_C) {
                c[q]++;
            }
        }
        a[q] = aq;
        b[q] = bq;
        n[q] = nq;
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
