package org.sonocine.ui.task;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A piece of background work and what to do with its outcome, built before it is handed to a
 * {@link TaskExecutor}: {@code onSuccess} and {@code onFailure} run on the UI thread; a result nobody wants any
 * more (the task was cancelled while it ran) goes to {@code onDiscarded} instead, on whichever thread notices,
 * so that a file opened for a cancelled load is closed rather than leaked. By default a discarded result that
 * is {@link AutoCloseable} is closed.
 */
public final class BackgroundTask<T> {
    private final Callable<T> work;
    private Consumer<? super T> onSuccess = result -> { };
    private Consumer<Throwable> onFailure = failure -> { };
    private Consumer<? super T> onDiscarded = BackgroundTask::closeQuietly;

    private BackgroundTask(Callable<T> work) {
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> wrap(Callable<T> work) {
        return new BackgroundTask<>(work);
    }

    public static BackgroundTask<Void> wrap(Runnable work) {
        return new BackgroundTask<>(() -> {
            work.run();
            return null;
        });
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> action) {
        onSuccess = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Throwable> action) {
        onFailure = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<T> onDiscarded(Consumer<? super T> action) {
        onDiscarded = Objects.requireNonNull(action);
        return this;
    }

    /** Hands the task to {@code executor} on {@code lane}. */
    public Cancellable executeWith(TaskExecutor executor, Lane lane) {
        return executor.execute(lane, this);
    }

    Callable<T> work() {
        return work;
    }

    void succeeded(T result) {
        onSuccess.accept(result);
    }

    void failed(Throwable failure) {
        onFailure.accept(failure);
    }

    void discard(T result) {
        if (result != null) {
            onDiscarded.accept(result);
        }
    }

    private static void closeQuietly(Object result) {
        if (result instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // Nobody is waiting for this result: there is no one to tell that closing it failed.
            }
        }
    }
}
