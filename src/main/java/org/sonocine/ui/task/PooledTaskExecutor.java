package org.sonocine.ui.task;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Lanes of daemon threads, each lane its own pool, with results posted to the UI thread by {@code ui} (the
 * JavaFX implementation passes {@code Platform::runLater}). The thumbnail lane takes the newest request first;
 * the others run in order. Work cancelled before it starts leaves its queue at once.
 *
 * <p>Bulk work gives way to what the user is waiting for: a piece of scan or thumbnail work about to start waits
 * while interactive work runs (up to {@link #MAX_YIELD_MS}), so that on a machine with few or busy processors the
 * file the user clicked is not opened in competition with a folder scan. Scans hand their thread back every few
 * dozen milliseconds, so they pause quickly.
 */
public final class PooledTaskExecutor implements TaskExecutor {
    /** The longest bulk work waits for interactive work, so that a load that hangs cannot stall a scan for ever. */
    static final long MAX_YIELD_MS = 2000;
    private final Consumer<Runnable> ui;
    private final AtomicInteger interactiveRunning = new AtomicInteger();
    private final Map<Lane, ThreadPoolExecutor> pools = new EnumMap<>(Lane.class);

    /** Lanes sized for {@code processors} processors. */
    public PooledTaskExecutor(Consumer<Runnable> ui, int processors) {
        this.ui = ui;
        for (Lane lane : Lane.values()) {
            pools.put(lane, pool(lane, threadsFor(lane, processors)));
        }
    }

    /** The threads a lane gets: cine decoding scales with the processors; the rest are kept small. */
    static int threadsFor(Lane lane, int processors) {
        return switch (lane) {
            case INTERACTIVE, SCAN -> 2;
            case CINE -> Math.max(2, processors);
            case THUMBNAILS -> processors > 4 ? 2 : 1;
            case DOWNLOADS -> 1;
        };
    }

    private static ThreadPoolExecutor pool(Lane lane, int threads) {
        BlockingQueue<Runnable> queue = lane == Lane.THUMBNAILS ? new NewestFirstQueue() : new LinkedBlockingQueue<>();
        AtomicInteger count = new AtomicInteger();
        String name = "sonocine-" + lane.name().toLowerCase(java.util.Locale.ROOT) + "-";
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, queue, r -> {
            Thread t = new Thread(r, name + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> Cancellable execute(Lane lane, BackgroundTask<T> task) {
        ThreadPoolExecutor pool = pools.get(lane);
        TaskRun<T> run = new TaskRun<>(task, ui);
        Runnable work = inLane(lane, run);
        pool.execute(work);
        return new Cancellable() {
            @Override
            public void cancel() {
                run.cancel();
                pool.remove(work);
            }

            @Override
            public boolean isCancelled() {
                return run.isCancelled();
            }
        };
    }

    @Override
    public void onUi(Runnable update) {
        ui.accept(update);
    }

    @Override
    public Executor lane(Lane lane) {
        ThreadPoolExecutor pool = pools.get(lane);
        return work -> pool.execute(inLane(lane, work));
    }

    /** {@code work} as it runs on {@code lane}: counted while interactive, giving way to interactive work if bulk. */
    private Runnable inLane(Lane lane, Runnable work) {
        return switch (lane) {
            case INTERACTIVE -> () -> {
                interactiveRunning.incrementAndGet();
                try {
                    work.run();
                } finally {
                    interactiveRunning.decrementAndGet();
                }
            };
            case SCAN, THUMBNAILS -> () -> {
                yieldToInteractive();
                work.run();
            };
            case CINE, DOWNLOADS -> work;
        };
    }

    private void yieldToInteractive() {
        long deadline = System.nanoTime() + MAX_YIELD_MS * 1_000_000;
        while (interactiveRunning.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public int threads(Lane lane) {
        return pools.get(lane).getMaximumPoolSize();
    }

    /** How many tasks wait on {@code lane}, not yet started. */
    public int queued(Lane lane) {
        return pools.get(lane).getQueue().size();
    }

    @Override
    public void close() {
        pools.values().forEach(ThreadPoolExecutor::shutdownNow);
    }

    /** A queue whose newest entry is taken first. */
    private static final class NewestFirstQueue extends LinkedBlockingDeque<Runnable> {
        @Override
        public boolean offer(Runnable r) {
            return offerFirst(r);
        }

        @Override
        public boolean add(Runnable r) {
            return offer(r);
        }

        @Override
        public void put(Runnable r) throws InterruptedException {
            putFirst(r);
        }
    }
}
