package org.sonocine.cine;

import java.util.ArrayDeque;
import java.util.Deque;

/** Measures how many distinct frames per second were really shown, over the last second. */
public final class FrameRateMeter {
    private static final long WINDOW_NANOS = 1_000_000_000L;
    private final Deque<Long> shown = new ArrayDeque<>();

    /** Records that a new frame was put on screen at {@code nanos}. */
    public void frameShown(long nanos) {
        shown.addLast(nanos);
        while (!shown.isEmpty() && nanos - shown.peekFirst() > WINDOW_NANOS) {
            shown.removeFirst();
        }
    }

    /** Frames per second over the last second, as of {@code nanos}. */
    public double framesPerSecond(long nanos) {
        while (!shown.isEmpty() && nanos - shown.peekFirst() > WINDOW_NANOS) {
            shown.removeFirst();
        }
        if (shown.size() < 2) {
            return shown.size();
        }
        double span = (shown.peekLast() - shown.peekFirst()) / 1e9;
        return span > 0 ? (shown.size() - 1) / span : 0;
    }

    public void reset() {
        shown.clear();
    }
}
