package org.sonocine.ui.task;

/** A handle on submitted work. */
public interface Cancellable {
    /**
     * Asks the work not to start, or its result to be dropped if it has started: no callback but the discard one
     * runs afterwards. Call on the UI thread; cancelling twice, or after the result arrived, does nothing.
     */
    void cancel();

    boolean isCancelled();
}
