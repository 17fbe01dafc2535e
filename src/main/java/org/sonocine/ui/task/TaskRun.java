package org.sonocine.ui.task;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One submission of a {@link BackgroundTask}: runs its work, then hands the outcome to the UI thread, where the
 * cancelled flag is checked again. Cancelling and delivering both happen on the UI thread, so a task cancelled
 * there never delivers, whenever its work ends.
 */
final class TaskRun<T> implements Runnable, Cancellable {
    private final BackgroundTask<T> task;
    private final Consumer<Runnable> ui;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    TaskRun(BackgroundTask<T> task, Consumer<Runnable> ui) {
        this.task = task;
        this.ui = ui;
    }

    @Override
    public void run() {
        if (cancelled.get()) {
            return;
        }
        T result;
        try {
            result = task.work().call();
        } catch (Throwable failure) {
            // Errors too: a task whose work failed in any way still ends, and says so.
            ui.accept(() -> {
                if (!cancelled.get()) {
                    task.failed(failure);
                }
            });
            return;
        }
        if (cancelled.get()) {
            task.discard(result);
            return;
        }
        ui.accept(() -> {
            if (cancelled.get()) {
                task.discard(result);
            } else {
                task.succeeded(result);
            }
        });
    }

    @Override
    public void cancel() {
        cancelled.set(true);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }
}
