package org.sonocine.ui;

import java.util.concurrent.RejectedExecutionException;

/**
 * Run in a JVM of its own by {@link QuietEndingTest}: with {@link QuietEnding} installed, writes a line to the
 * standard error stream while running, and a stack trace from a shutdown hook (as JavaFX's pulse does when the JVM
 * is stopped by a signal); says on standard output whether the JVM is seen shutting down at each point.
 */
public final class ShutdownProbe {
    private ShutdownProbe() {
    }

    public static void main(String[] args) {
        QuietEnding.install();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("in a shutdown hook: " + QuietEnding.jvmShuttingDown());
            new RejectedExecutionException("renderer terminated").printStackTrace();
        }));
        System.err.println("while running: shown");
        System.out.println("running: " + QuietEnding.jvmShuttingDown());
        System.exit(0);
    }
}
