package org.sonocine.cine;

/**
 * How fast frames are being decoded right now: a moving average of the wall time one frame takes on one decoding
 * thread (decode, render, resize), from which the frames per second all threads can deliver follow. Wall time,
 * not CPU time, on purpose: on a busy machine a frame takes longer because the threads wait for a processor, and
 * that is the rate playback can count on. Thread-safe.
 */
public final class DecodeRate {
    /** Weight of the newest measurement: about the last ten frames count. */
    private static final double ALPHA = 0.15;

    private final int threads;
    private final boolean fixed;
    private double meanNanos = Double.NaN;
    private long measured;

    public DecodeRate(int threads) {
        this(threads, false);
    }

    private DecodeRate(int threads, boolean fixed) {
        this.threads = Math.max(1, threads);
        this.fixed = fixed;
    }

    /** A rate that stays at {@code frameNanos} per frame and thread whatever is recorded: for simulations. */
    public static DecodeRate fixed(long frameNanos, int threads) {
        DecodeRate rate = new DecodeRate(threads, true);
        rate.meanNanos = Math.max(1, frameNanos);
        rate.measured = 1;
        return rate;
    }

    /** Records that one frame took {@code nanos} on one thread. */
    public synchronized void record(long nanos) {
        if (fixed) {
            return;
        }
        double n = Math.max(1, nanos);
        meanNanos = Double.isNaN(meanNanos) ? n : meanNanos + ALPHA * (n - meanNanos);
        measured++;
    }

    /** Whether any frame has been measured yet. */
    public synchronized boolean known() {
        return measured > 0;
    }

    /** The mean time of one frame on one thread, in ns (NaN before the first measurement). */
    public synchronized double frameNanos() {
        return meanNanos;
    }

    /** Frames per second all threads together can decode (infinite before the first measurement). */
    public synchronized double framesPerSecond() {
        return Double.isNaN(meanNanos) ? Double.POSITIVE_INFINITY : threads * 1e9 / meanNanos;
    }

    public int threads() {
        return threads;
    }

}
