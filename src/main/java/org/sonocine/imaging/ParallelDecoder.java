package org.sonocine.imaging;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decodes many frames of one source on a small pool of threads, with only a bounded number of decoded frames
 * alive at once, so that a cine of any length decodes in constant memory. A frame that fails, however it fails,
 * goes to the sink as that frame's reason ({@link FrameFailure}); the other frames go on.
 */
public final class ParallelDecoder implements AutoCloseable {
    /** Receives decoded frames, or the reason a frame failed. */
    public interface FrameSink {
        void accept(int index, StoredFrame frame) throws IOException;

        default void failed(int index, IOException reason) throws IOException {
            throw reason;
        }
    }

    private final ExecutorService pool;
    private final int threads;

    public ParallelDecoder(int threads) {
        this.threads = Math.max(1, threads);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "frame-decoder-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public int threads() {
        return threads;
    }

    /**
     * Decodes {@code indices} and hands them to {@code sink} in the given order, from the calling thread, keeping
     * at most twice as many frames in flight as there are threads.
     */
    public void decodeInOrder(FrameSource source, List<Integer> indices, FrameSink sink) throws IOException {
        int window = threads * 2;
        Deque<Future<StoredFrame>> inFlight = new ArrayDeque<>(window);
        Deque<Integer> inFlightIndex = new ArrayDeque<>(window);
        int next = 0;
        try {
            while (next < indices.size() || !inFlight.isEmpty()) {
                while (next < indices.size() && inFlight.size() < window) {
                    int index = indices.get(next++);
                    inFlight.add(pool.submit(() -> source.decode(index)));
                    inFlightIndex.add(index);
                }
                int index = inFlightIndex.poll();
                StoredFrame frame;
                try {
                    frame = inFlight.poll().get();
                } catch (ExecutionException e) {
                    sink.failed(index, FrameFailure.of(index, e.getCause()));
                    continue;
                }
                sink.accept(index, frame);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while decoding", e);
        } finally {
            inFlight.forEach(f -> f.cancel(true));
        }
    }

    /**
     * Decodes every frame once, in any order, and returns how many failed. Each thread reuses its buffers, so a
     * frame handed to {@code sink} is valid only during the call.
     */
    public int decodeAll(FrameSource source, FrameSink sink) throws IOException {
        AtomicInteger nextFrame = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        Future<?>[] workers = new Future<?>[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = pool.submit(() -> {
                FrameBuffers buffers = new FrameBuffers();
                int i;
                while ((i = nextFrame.getAndIncrement()) < source.frameCount()) {
                    StoredFrame frame;
                    try {
                        frame = source.decode(i, buffers);
                    } catch (Throwable e) {
                        failures.incrementAndGet();
                        synchronized (sink) {
                            sink.failed(i, FrameFailure.of(i, e));
                        }
                        continue;
                    }
                    synchronized (sink) {
                        sink.accept(i, frame);
                    }
                }
                return null;
            });
        }
        try {
            for (Future<?> w : workers) {
                w.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while decoding", e);
        } catch (ExecutionException e) {
            throw asIOException(e.getCause());
        }
        return failures.get();
    }

    /** What a sink threw (a failed write, say): it ends the run, so it is not a frame's failure. */
    private static IOException asIOException(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException(FrameDecoders.describe(cause), cause);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
