package org.sonocine.ui.task;

import java.util.concurrent.Executor;

/**
 * Runs everything at once on the calling thread, which is also "the UI thread": view models driven by it can be
 * tested without a toolkit, and every task has ended, with its callbacks run, when {@code execute} returns.
 */
public final class DirectTaskExecutor implements TaskExecutor {
    @Override
    public <T> Cancellable execute(Lane lane, BackgroundTask<T> task) {
        TaskRun<T> run = new TaskRun<>(task, Runnable::run);
        run.run();
        return run;
    }

    @Override
    public void onUi(Runnable update) {
        update.run();
    }

    @Override
    public Executor lane(Lane lane) {
        return Runnable::run;
    }

    @Override
    public int threads(Lane lane) {
        return 1;
    }

    @Override
    public void close() {
        // Nothing runs in the background.
    }
}
