package org.sonocine.study;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Where a scan's end is told: a future that its caller may also cancel ({@link ExamScanner#scan}), or a summary a
 * command waits for ({@link ExamScanner#scanAndWait}). Once done, it stays as it ended.
 */
abstract class ScanEnd {
    /** Whether the scan has ended, or its caller gave up on it: a scan checks between two files. */
    abstract boolean isDone();

    abstract void complete(ScanSummary summary);

    /** A listener's own failure, or the machine's. */
    abstract void fail(Throwable failure);

    /** The end of a scan as a future; cancelling the future cancels the scan. */
    static ScanEnd of(CompletableFuture<ScanSummary> future) {
        return new ScanEnd() {
            @Override
            boolean isDone() {
                return future.isDone();
            }

            @Override
            void complete(ScanSummary summary) {
                future.complete(summary);
            }

            @Override
            void fail(Throwable failure) {
                future.completeExceptionally(failure);
            }
        };
    }

    /**
     * The end of a scan that a thread waits for, with the monitor of this object: a command waits for nothing
     * else, and a future would set up the JDK's fork-join pool and variable handles before its first file.
     */
    static final class Awaited extends ScanEnd {
        /** Read without the lock: the scan checks it between every two files. */
        private volatile boolean done;
        private ScanSummary summary;
        private Throwable failure;

        @Override
        boolean isDone() {
            return done;
        }

        @Override
        synchronized void complete(ScanSummary summary) {
            if (!done) {
                this.summary = summary;
                done = true;
                notifyAll();
            }
        }

        @Override
        synchronized void fail(Throwable failure) {
            if (!done) {
                this.failure = failure;
                done = true;
                notifyAll();
            }
        }

        /**
         * Waits for the summary, as {@link CompletableFuture#join} does: an interrupt does not end the wait (it is
         * kept for the caller), and a failure is thrown as it was if unchecked, else in a {@link
         * CompletionException}.
         */
        synchronized ScanSummary await() {
            boolean interrupted = false;
            while (!done) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure != null) {
                throw new CompletionException(failure);
            }
            return summary;
        }
    }
}
