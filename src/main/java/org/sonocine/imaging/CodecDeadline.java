package org.sonocine.imaging;

import org.sonocine.imaging.codec.DecodeException;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs third-party codec calls (the JDK's and TwelveMonkeys' JPEG readers) with a deadline. Corrupt data can
 * send a third-party decoder into an endless loop (JAI's JPEG 2000 decoder, used before ours, did), and Java cannot
 * stop a thread that never checks for interruption: so each call runs on a thread of
 * its own, and a call that overruns is abandoned there, still spinning, while the caller gets a message and goes
 * on. Abandoned threads are daemons, so that they do not keep the JVM alive; once {@code maxAbandoned} are stuck,
 * the codec is not called again until one ends, so that hostile files cannot take every processor.
 *
 * <p>The deadline is processor time of the codec's thread, not wall time: an endless loop uses processor time
 * without end, while a sound decode on a machine busy with other work only waits longer. Wall time is capped
 * too, at many times the budget, for a call that hangs without spinning.
 */
public final class CodecDeadline {
    private static final long SLICE_MILLIS = 50;
    /** How much longer than its processor budget a call may take on the clock, however busy the machine. */
    private static final int WALL_FACTOR = 12;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long baseMillis;
    private final long millisPerMebibyte;
    private final int maxAbandoned;
    private final AtomicInteger abandoned = new AtomicInteger();
    private final ExecutorService threads;

    /**
     * A deadline for one third-party codec: 3 s of processor time, and 2 s more per MiB of input or per 4 million
     * samples of output, whichever gives more: sound data decodes several times faster even on a first call, and the
     * deadline only matters for calls that would never end.
     */
    static CodecDeadline forThirdParty() {
        return new CodecDeadline(3_000, 2_000, 2);
    }

    CodecDeadline(long baseMillis, long millisPerMebibyte, int maxAbandoned) {
        this.baseMillis = baseMillis;
        this.millisPerMebibyte = millisPerMebibyte;
        this.maxAbandoned = maxAbandoned;
        AtomicInteger n = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, "codec-call-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Calls that missed their deadline and have not ended since. */
    public int abandonedCalls() {
        return abandoned.get();
    }

    /**
     * Runs {@code call}, which decodes frame {@code index} (0-based) with {@code codec} from {@code inputBytes} into
     * {@code samples} samples, and returns its result; a DecodeException, runtime exception or error it throws is
     * rethrown as it is.
     *
     * @param onAbandon runs on the calling thread when the call is given up: release whatever the stuck thread
     *                  still uses (a reader that must not be handed to the next call, say)
     * @throws DecodeException when the call missed its deadline; a {@link RetryableDecodeException} when the caller
     *                         was interrupted or too many earlier calls are stuck, which says nothing about the data
     */
    <T> T call(String codec, int index, long inputBytes, long samples, Callable<T> call, Runnable onAbandon)
            throws DecodeException {
        String frame = "frame " + (index + 1);
        if (abandoned.get() >= maxAbandoned) {
            throw new RetryableDecodeException(frame + " was not decoded: " + abandoned.get() + " earlier " + codec
                    + " frames never finished decoding, so the " + codec + " decoder is not used again until they do");
        }
        Attempt<T> attempt = new Attempt<>(call);
        Future<T> future = threads.submit(attempt);
        long units = Math.max(inputBytes >> 20, samples >> 22);
        long budgetNanos = TimeUnit.MILLISECONDS.toNanos(baseMillis + millisPerMebibyte * units);
        long start = System.nanoTime();
        long wallLimit = start + budgetNanos * WALL_FACTOR;
        try {
            while (true) {
                try {
                    return future.get(SLICE_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (attempt.processorTime(start) >= budgetNanos || System.nanoTime() >= wallLimit) {
                        if (attempt.giveUp(true)) {
                            future.cancel(true);
                            onAbandon.run();
                            throw new DecodeException(frame + " could not be decoded: the " + codec + " decoder did"
                                    + " not finish within " + budgetNanos / 1e9 + " s of processor time (its data"
                                    + " may be corrupt)");
                        }
                        return resultOfEnded(future);
                    }
                }
            }
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (attempt.giveUp(false)) {
                future.cancel(true);
                onAbandon.run();
                throw new RetryableDecodeException(frame + " was not decoded: decoding was stopped");
            }
            return resultOfEnded(future);
        }
    }

    /**
     * One call on its way through the pool: queued, running, ended, or given up, either for missing its deadline
     * (counted as abandoned until it ends) or because its caller was interrupted (not counted: it says nothing
     * about the data). Whichever side moves first decides.
     */
    private final class Attempt<T> implements Callable<T> {
        private static final int QUEUED = 0;
        private static final int RUNNING = 1;
        private static final int ENDED = 2;
        private static final int MISSED = 3;
        private static final int LEFT = 4;

        private final Callable<T> call;
        private final AtomicInteger state = new AtomicInteger(QUEUED);
        // the pool reuses threads: only the processor time this call spends counts, not what the thread spent before
        private volatile long threadStartNanos;
        private volatile long thread = -1;

        Attempt(Callable<T> call) {
            this.call = call;
        }

        @Override
        public T call() throws Exception {
            if (!state.compareAndSet(QUEUED, RUNNING)) {
                return null; // given up before it started: nobody waits for the result
            }
            threadStartNanos = measured() ? THREADS.getCurrentThreadCpuTime() : 0;
            thread = Thread.currentThread().getId();
            try {
                return call.call();
            } finally {
                if (!state.compareAndSet(RUNNING, ENDED) && state.get() == MISSED) {
                    abandoned.decrementAndGet();
                }
            }
        }

        /** Gives the call up unless it ended; {@code missed} counts it as abandoned if it is running. */
        boolean giveUp(boolean missed) {
            if (state.compareAndSet(QUEUED, LEFT)) {
                return true;
            }
            if (state.compareAndSet(RUNNING, missed ? MISSED : LEFT)) {
                if (missed) {
                    abandoned.incrementAndGet();
                }
                return true;
            }
            return false;
        }

        /** Processor time the call has spent; the time since {@code start} where the JVM does not measure it. */
        long processorTime(long start) {
            if (!measured()) {
                return System.nanoTime() - start;
            }
            long id = thread;
            return id < 0 ? 0 : Math.max(0, THREADS.getThreadCpuTime(id) - threadStartNanos);
        }
    }

    private static boolean measured() {
        return THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    }

    /** The call ended just as it was given up: its result is there. */
    private static <T> T resultOfEnded(Future<T> future) throws DecodeException {
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException again) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw rethrown(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static DecodeException rethrown(Throwable cause) {
        if (cause instanceof DecodeException d) {
            return d;
        }
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new DecodeException(FrameDecoders.describe(cause), cause);
    }
}
