package org.sonocine.ui;

/** Run in a JVM of its own by {@link QuietEndingTest}: asks, from a shutdown hook, whether the JVM is shutting down. */
public final class ShutdownProbe {
    private ShutdownProbe() {
    }

    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> System.out.println("in a shutdown hook: " + QuietEnding.jvmShuttingDown())));
        System.out.println("running: " + QuietEnding.jvmShuttingDown());
    }
}
