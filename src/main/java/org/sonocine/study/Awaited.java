package org.sonocine.study;

import java.util.concurrent.CompletionException;

/**
 * A result one thread makes and another waits for, as {@link java.util.concurrent.CompletableFuture#join} gives it,
 * with the monitor of this object: a short command waits for nothing else, and its first future would set up the
 * JDK's fork-join pool and variable handles before its first file. Once done, it stays as it ended.
 */
public final class Awaited<T> {
    /** Read without the lock: a scan checks it between every two files. */
    private volatile boolean done;
    private T value;
    private Throwable failure;

    public boolean isDone() {
        return done;
    }

    public void complete(T result) {
        end(result, null);
    }

    public void fail(Throwable thrown) {
        end(null, thrown);
    }

    private synchronized void end(T result, Throwable thrown) {
        if (!done) {
            value = result;
            failure = thrown;
            done = true;
            notifyAll();
        }
    }

    /**
     * Waits for the result: an interrupt does not end the wait (it is kept for the caller), and a failure is thrown
     * as it was if unchecked, else in a {@link CompletionException}.
     */
    public synchronized T await() {
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
        return value;
    }
}
