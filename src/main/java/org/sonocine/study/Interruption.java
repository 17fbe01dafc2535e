package org.sonocine.study;

import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;

/**
 * Whether a read failed because its thread was interrupted (a scan being stopped), not because of the file: a
 * file channel read by an interrupted thread is closed under it ({@link ClosedByInterruptException}), which says
 * nothing about the file and must never be shown as its failure.
 */
final class Interruption {
    private Interruption() {
    }

    static boolean caused(Throwable failure) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClosedByInterruptException || t instanceof InterruptedIOException
                    || t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }
}
