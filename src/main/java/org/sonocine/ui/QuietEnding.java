package org.sonocine.ui;

import java.util.function.BooleanSupplier;

/**
 * Stopped by a signal (a logout, {@code kill}), the JVM shuts JavaFX's renderer down while the JavaFX thread may
 * still be in a pulse, which then fails ("RejectedExecutionException ... QuantumRenderer ... Terminated") and prints
 * a stack trace on the way out. Nothing is wrong then but the ending itself: an exception that escapes a thread
 * while the JVM is shutting down is not printed. At any other time the handler that was there before has it.
 */
final class QuietEnding implements Thread.UncaughtExceptionHandler {
    private final Thread.UncaughtExceptionHandler before;
    private final BooleanSupplier shuttingDown;

    QuietEnding(Thread.UncaughtExceptionHandler before, BooleanSupplier shuttingDown) {
        this.before = before;
        this.shuttingDown = shuttingDown;
    }

    /** Puts this handler before the JVM's default one, for every thread without a handler of its own. */
    static void install() {
        Thread.setDefaultUncaughtExceptionHandler(new QuietEnding(Thread.getDefaultUncaughtExceptionHandler(),
                QuietEnding::jvmShuttingDown));
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        if (shuttingDown.getAsBoolean()) {
            return;
        }
        if (before != null) {
            before.uncaughtException(thread, failure);
        } else {
            // What the JVM prints when no handler is set (ThreadGroup.uncaughtException).
            System.err.print("Exception in thread \"" + thread.getName() + "\" ");
            failure.printStackTrace(System.err);
        }
    }

    /** The JVM refuses new shutdown hooks exactly while it is shutting down. */
    static boolean jvmShuttingDown() {
        Thread probe = new Thread(() -> { }, "sonocine-shutdown-probe");
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
