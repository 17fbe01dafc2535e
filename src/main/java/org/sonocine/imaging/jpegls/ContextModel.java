package org.sonocine.imaging.jpegls;

import java.util.Arrays;

/**
 * The adaptive statistics of T.87 A.2. For each of the 365 regular contexts: the accumulated error magnitude
 * (A), bias (B), prediction correction (C), occurrence count (N) and the Golomb parameter they imply (K); for the
 * two run-interruption contexts: A, N and the count of negative errors (Nn). One model serves all components of a
 * scan.
 *
 * <p>A regular context's values lie side by side in {@link #regular}, at {@code context << SHIFT} plus
 * {@link #A}, {@link #B}, {@link #C}, {@link #N} or {@link #K}: 32 bytes per context, and one array whose
 * bounds the JIT checks once for all of them.
 */
final class ContextModel {
    static final int REGULAR_CONTEXTS = 365;
    static final int SHIFT = 3;
    static final int A = 0;
    static final int B = 1;
    static final int C = 2;
    static final int N = 3;
    /**
     * The Golomb parameter A and N imply, worked out when they change so that decoding a sample looks it up:
     * that takes the computation off the chain of dependent steps from one sample to the next.
     */
    static final int K = 4;
    private static final int MIN_C = -128;
    private static final int MAX_C = 127;

    final int[] regular = new int[REGULAR_CONTEXTS << SHIFT];
    private final int[] runA = new int[2];
    private final int[] runN = new int[2];
    private final int[] runNn = new int[2];
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
        for (int i = 0; i < regular.length; i += 1 << SHIFT) {
            regular[i + A] = initialA;
            regular[i + B] = 0;
            regular[i + C] = 0;
            regular[i + N] = 1;
            regular[i + K] = golombK(1, initialA);
        }
        Arrays.fill(runA, initialA);
        Arrays.fill(runN, 1);
        Arrays.fill(runNn, 0);
    }

    /**
     * The Golomb parameter: the smallest k with n * 2^k >= a (T.87 A.5.1), for n >= 1. Computed from the bit
     * lengths without a loop or a branch.
     */
    static int golombK(int n, int a) {
        int k = Math.max(0, Integer.numberOfLeadingZeros(n) - Integer.numberOfLeadingZeros(a));
        return k + (((n << k) - a) >>> 31);
    }

    /**
     * Updates the regular context at {@code at} ({@code context << SHIFT}) after error {@code error} (T.87 A.6.1
     * and A.6.2). The bias correction uses min/max rather than branches: which way it goes is close to random on
     * noisy images.
     */
    void updateRegular(int at, int error) {
        int[] s = regular;
        int a = s[at + A] + Math.abs(error);
        int b = s[at + B] + error * step;
        int n = s[at + N];
        if (n == reset) {
            a >>= 1;
            b >>= 1;
            n >>= 1;
        }
        n++;
        // down: B <= -N, so C decreases and B moves up by N; up: B > 0, so C increases and B moves down by N.
        // Either way B ends in (-N, 0], where it already is otherwise.
        int down = (b + n - 1) >> 31;
        int up = -b >> 31;
        s[at + B] = Math.min(0, Math.max(1 - n, b + (n & down) - (n & up)));
        s[at + C] = Math.max(MIN_C, Math.min(MAX_C, s[at + C] + (up & 1) - (down & 1)));
        s[at + A] = a;
        s[at + N] = n;
        s[at + K] = golombK(n, a);
    }

    /** The Golomb parameter of run-interruption context {@code type} (RItype, T.87 A.7.2.1). */
    int runInterruptionK(int type) {
        int temp = type == 0 ? runA[type] : runA[type] + (runN[type] >> 1);
        return golombK(runN[type], temp);
    }

    /**
     * The error a run-interruption sample carries, from its mapped value (the inverse of T.87 A.7.2.2), and the
     * context update that follows it.
     */
    int runInterruptionError(int type, int k, int mapped) {
        int t = mapped + type;
        boolean map = (t & 1) != 0;
        int magnitude = (t + 1) >> 1;
        boolean negativeMaps = k != 0 || 2 * runNn[type] >= runN[type];
        int error = negativeMaps == map ? -magnitude : magnitude;
        if (error < 0) {
            runNn[type]++;
        }
        runA[type] += (mapped + 1 - type) >> 1;
        if (runN[type] == reset) {
            runA[type] >>= 1;
            runN[type] >>= 1;
            runNn[type] >>= 1;
        }
        runN[type]++;
        return error;
    }
}
