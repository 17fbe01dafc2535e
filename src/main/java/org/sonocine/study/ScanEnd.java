package org.sonocine.study;

import java.util.concurrent.CompletableFuture;

/**
 * Where a scan's end is told: a future that its caller may also cancel ({@link ExamScanner#scan}), or a summary a
 * command waits for ({@link ExamScanner#scanAndWait}).
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

    /** The end of a scan that a command waits for ({@link Awaited#await}). */
    static ScanEnd of(Awaited<ScanSummary> awaited) {
        return new ScanEnd() {
            @Override
            boolean isDone() {
                return awaited.isDone();
            }

            @Override
            void complete(ScanSummary summary) {
                awaited.complete(summary);
            }

            @Override
            void fail(Throwable failure) {
                awaited.fail(failure);
            }
        };
    }
}
