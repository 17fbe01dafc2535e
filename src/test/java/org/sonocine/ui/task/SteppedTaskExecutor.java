package org.sonocine.ui.task;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Runs background work only when the test says so, on the test's thread, lane by lane and in any order; updates
 * for the UI wait in a queue of their own until the test runs them. The test's thread is the UI thread, so view
 * models are driven with no toolkit and no timing.
 */
public final class SteppedTaskExecutor implements TaskExecutor {
    private final Map<Lane, Deque<Runnable>> lanes = new EnumMap<>(Lane.class);
    private final Deque<Runnable> ui = new ArrayDeque<>();

    public SteppedTaskExecutor() {
        for (Lane lane : Lane.values()) {
            lanes.put(lane, new ArrayDeque<>());
        }
    }

    @Override
    public synchronized <T> Cancellable execute(Lane lane, BackgroundTask<T> task) {
        TaskRun<T> run = new TaskRun<>(task, this::onUi);
        lanes.get(lane).add(run);
        return run;
    }

    @Override
    public synchronized void onUi(Runnable update) {
        ui.add(update);
    }

    @Override
    public Executor lane(Lane lane) {
        return work -> {
            synchronized (this) {
                lanes.get(lane).add(work);
            }
        };
    }

    @Override
    public int threads(Lane lane) {
        return 1;
    }

    /** How many pieces of work wait on {@code lane}. */
    public synchronized int queued(Lane lane) {
        return lanes.get(lane).size();
    }

    /** Runs the oldest work waiting on {@code lane}. */
    public void runNext(Lane lane) {
        Runnable work;
        synchronized (this) {
            work = lanes.get(lane).remove();
        }
        work.run();
    }

    /** Runs the newest work waiting on {@code lane}. */
    public void runLast(Lane lane) {
        Runnable work;
        synchronized (this) {
            work = lanes.get(lane).removeLast();
        }
        work.run();
    }

    /** Runs the UI updates posted so far, and those they post. */
    public void runUi() {
        while (true) {
            Runnable update;
            synchronized (this) {
                update = ui.poll();
            }
            if (update == null) {
                return;
            }
            update.run();
        }
    }

    /** Runs everything, background and UI, until nothing is left. */
    public void runAll() {
        while (true) {
            Lane next = null;
            synchronized (this) {
                for (Lane lane : Lane.values()) {
                    if (!lanes.get(lane).isEmpty()) {
                        next = lane;
                        break;
                    }
                }
                if (next == null && ui.isEmpty()) {
                    return;
                }
            }
            if (next != null) {
                runNext(next);
            }
            runUi();
        }
    }

    @Override
    public synchronized void close() {
        lanes.values().forEach(Deque::clear);
        ui.clear();
    }
}
