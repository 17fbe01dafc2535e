package org.sonocine.cine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.IntSupplier;

/**
 * Decoding threads in simulated time: {@code threads} workers, each frame taking {@code frameMs} of the manual
 * clock. A task runs when its worker finishes, so the frame appears {@code frameMs} after the worker took it.
 * A worker takes a task only while the cache has decodes queued (a task that would find nothing costs nothing).
 */
final class SimulatedDecoders implements Executor {
    private final ManualClock clock;
    private final int threads;
    private final double frameMs;
    private final Deque<Runnable> tasks = new ArrayDeque<>();
    private final long[] busyUntil;
    private final Runnable[] running;
    private IntSupplier queued = () -> Integer.MAX_VALUE;
    private int started;

    SimulatedDecoders(ManualClock clock, int threads, double frameMs) {
        this.clock = clock;
        this.threads = threads;
        this.frameMs = frameMs;
        this.busyUntil = new long[threads];
        this.running = new Runnable[threads];
    }

    /** Tells the workers how many decodes are queued (the cache's queue), so that they idle when none are. */
    void takeWorkWhileQueued(IntSupplier decodesQueued) {
        queued = decodesQueued;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    /** Moves the clock on by {@code ms} in steps of 1 ms, finishing and starting decodes as it goes. */
    void advance(double ms, Runnable everyStep) {
        for (double t = 0; t < ms; t += 1) {
            clock.advanceMs(1);
            long now = clock.getAsLong();
            List<Runnable> done = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                if (running[w] != null && busyUntil[w] <= now) {
                    done.add(running[w]);
                    running[w] = null;
                }
            }
            done.forEach(Runnable::run);
            int busy = 0;
            for (Runnable r : running) {
                busy += r != null ? 1 : 0;
            }
            for (int w = 0; w < threads; w++) {
                if (running[w] == null && !tasks.isEmpty() && queued.getAsInt() > busy) {
                    busy++;
                    running[w] = tasks.poll();
                    busyUntil[w] = now + (long) (frameMs * 1_000_000);
                    started++;
                }
            }
            everyStep.run();
        }
    }

    /** Decodes started so far. */
    int started() {
        return started;
    }
}
