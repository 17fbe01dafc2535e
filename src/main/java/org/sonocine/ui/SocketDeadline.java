package org.sonocine.ui;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The end of one conversation over a socket: when it comes, the socket is closed, which ends whatever the
 * conversation is blocked in (connecting, reading or writing). A read timeout alone would not do: it restarts with
 * every byte, so a peer that sends one byte now and then could hold the conversation for ever.
 */
final class SocketDeadline implements AutoCloseable {
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final long endNanos;
    private final ScheduledFuture<?> closing;

    private SocketDeadline(Socket socket, Duration limit) {
        this.endNanos = System.nanoTime() + limit.toNanos();
        this.closing = TIMER.schedule(() -> closeQuietly(socket), limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Closes {@code socket} after {@code limit} unless this deadline is closed first. */
    static SocketDeadline start(Socket socket, Duration limit) {
        return new SocketDeadline(socket, limit);
    }

    /** What is left, at least one millisecond (a socket reads zero as "no limit"). */
    int remainingMillis() throws SocketTimeoutException {
        long left = TimeUnit.NANOSECONDS.toMillis(endNanos - System.nanoTime());
        if (left <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        return (int) Math.min(left, Integer.MAX_VALUE);
    }

    /** The conversation ended in time: the socket stays open for its owner to close. */
    @Override
    public void close() {
        closing.cancel(false);
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // The logger is made only now: made with the class, it would start the logging back end at every launch.
            System.getLogger(SocketDeadline.class.getName()).log(System.Logger.Level.DEBUG,
                    "Closing an instance connection failed", e);
        }
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "sonocine-instance-deadline");
            thread.setDaemon(true);
            return thread;
        });
        // Nearly every deadline is cancelled long before it comes; they must not pile up in the queue.
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
