package org.sonocine.remote;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * An answer's body that gives up when no byte has come for a while: the HTTP client's request timeout covers only
 * the wait for the headers, and an archive that stops sending half way through a cine would otherwise hold the
 * reading thread for ever. Closing the stream from a watchdog thread makes the blocked read fail.
 */
final class IdleTimeoutInputStream extends FilterInputStream {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "archive-read-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final long idleNanos;
    private final ScheduledFuture<?> watch;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean timedOut;
    private volatile boolean closed;

    IdleTimeoutInputStream(InputStream in, Duration idle) {
        super(in);
        this.idleNanos = idle.toNanos();
        long period = Math.max(50, Math.min(1000, idle.toMillis() / 4));
        this.watch = WATCHDOG.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    private void check() {
        if (!closed && System.nanoTime() - lastProgress > idleNanos) {
            timedOut = true;
            try {
                close();
            } catch (IOException e) {
                // The read fails either way.
            }
        }
    }

    @Override
    public int read() throws IOException {
        try {
            int b = super.read();
            lastProgress = System.nanoTime();
            return b;
        } catch (IOException e) {
            throw translated(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            int n = super.read(b, off, len);
            lastProgress = System.nanoTime();
            return n;
        } catch (IOException e) {
            throw translated(e);
        }
    }

    private IOException translated(IOException e) {
        if (timedOut) {
            InterruptedIOException idle = new InterruptedIOException("the archive stopped sending for more than "
                    + idleNanos / 1_000_000_000 + " s");
            idle.initCause(e);
            return idle;
        }
        return e;
    }

    /** Whether the watchdog gave up on the answer. */
    boolean timedOut() {
        return timedOut;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            watch.cancel(false);
        }
        super.close();
    }
}
