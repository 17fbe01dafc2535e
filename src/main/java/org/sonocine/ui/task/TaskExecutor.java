package org.sonocine.ui.task;

import java.util.concurrent.Executor;

/**
 * Where view models send background work and how its results come back. Implementations decide what "the UI
 * thread" is: the JavaFX application thread in the viewer, the calling thread in tests.
 */
public interface TaskExecutor extends AutoCloseable {
    /** Runs {@code task} on {@code lane}; its callbacks come on the UI thread. */
    <T> Cancellable execute(Lane lane, BackgroundTask<T> task);

    /** Runs {@code update} on the UI thread, after what was posted before it. */
    void onUi(Runnable update);

    /** The lane as a plain executor, for the layers below the UI that take one (frame cache, folder scanner). */
    Executor lane(Lane lane);

    /** How many threads work on {@code lane} at once. */
    int threads(Lane lane);

    /** Stops the lanes' threads; work not yet started is dropped. */
    @Override
    void close();
}
