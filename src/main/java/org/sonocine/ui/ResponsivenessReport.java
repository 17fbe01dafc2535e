package org.sonocine.ui;

import javafx.application.Platform;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a user feels, printed as it happens when the viewer runs with {@code -Dsonocine.responsivenessReport=true}:
 * how long each open took from the request to its first frame shown, and every few seconds the longest the
 * JavaFX thread kept a small task waiting (a frozen window shows as a long wait), the heap in use and the status
 * line. Lets anyone check on their own machine, with their own folders, that the window stays responsive.
 */
final class ResponsivenessReport {
    static final String PROPERTY = "sonocine.responsivenessReport";
    private static final long PROBE_MS = 20;
    private static final long REPORT_MS = 5000;

    private final ViewerViewModel vm;
    private final PrintStream out;
    private final AtomicLong longestWaitNanos = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sonocine-responsiveness");
        t.setDaemon(true);
        return t;
    });

    private ResponsivenessReport(ViewerViewModel vm, PrintStream out) {
        this.vm = vm;
        this.out = out;
    }

    /** Starts the report if the system property asks for it; call on the JavaFX thread. */
    static void startIfAsked(ViewerViewModel vm) {
        if (Boolean.getBoolean(PROPERTY)) {
            new ResponsivenessReport(vm, System.err).start();
        }
    }

    private void start() {
        vm.openMillisProperty().addListener((o, a, ms) -> {
            var shown = vm.currentProperty().get();
            out.printf(Locale.ROOT, "open: %s shown %.0f ms after it was asked for%n",
                    shown == null ? "?" : shown.title(), ms.doubleValue());
        });
        timer.scheduleWithFixedDelay(this::probe, PROBE_MS, PROBE_MS, TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(this::report, REPORT_MS, REPORT_MS, TimeUnit.MILLISECONDS);
    }

    private void probe() {
        long posted = System.nanoTime();
        Platform.runLater(() -> longestWaitNanos.accumulateAndGet(System.nanoTime() - posted, Math::max));
    }

    private void report() {
        long waited = longestWaitNanos.getAndSet(0);
        Runtime rt = Runtime.getRuntime();
        long usedMiB = (rt.totalMemory() - rt.freeMemory()) >> 20;
        Platform.runLater(() -> out.printf(Locale.ROOT,
                "ui: longest wait %d ms in the last %d s; heap %d MiB in use of %d MiB; %s%n",
                waited / 1_000_000, REPORT_MS / 1000, usedMiB, rt.maxMemory() >> 20, vm.statusProperty().get()));
    }
}
