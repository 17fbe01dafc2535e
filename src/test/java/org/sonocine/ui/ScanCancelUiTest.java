package org.sonocine.ui;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cancel during a folder scan, with the background work run step by step on the test's thread: the status ends on
 * how far the scan got, and a read the cancel interrupted is no file's failure.
 */
@ExtendWith(ApplicationExtension.class)
class ScanCancelUiTest {
    private static final int FILES = 1200;
    private final StepExecutorService background = new StepExecutorService();
    private ExecutorService decoder;
    private ViewerViewModel vm;

    @Start
    void start(Stage stage) {
        decoder = ViewerApp.pool("test-decoder", 1);
        vm = new ViewerViewModel(background, decoder, System::nanoTime,
                new RecentFiles(Preferences.userRoot().node("org/sonocine/test-scan-recent")));
    }

    @AfterEach
    void stop() throws Exception {
        vm.close();
        decoder.shutdownNow();
        Preferences.userRoot().node("org/sonocine/test-scan-recent").removeNode();
    }

    @Test
    void cancelEndsOnHowManyOfTheFilesKnownWereExamined(FxRobot robot, @TempDir Path dir) throws IOException {
        filesNamedLikeImages(dir);
        robot.interact(() -> vm.open(List.of(dir)));
        background.runNext();
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(vm::cancelScan);

        background.runAll();
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("Cancelled: 0 of 1,200 files examined", vm.statusProperty().get());
        assertFalse(vm.busyProperty().get());
        assertThat(vm.failures()).isEmpty();
    }

    @Test
    void aReadInterruptedByTheCancelIsNotShownAsAFailure(FxRobot robot, @TempDir Path dir) throws IOException {
        filesNamedLikeImages(dir);
        robot.interact(() -> vm.open(List.of(dir)));
        background.runNext();

        boolean interruptKept;
        try {
            Thread.currentThread().interrupt();
            background.runAll();
        } finally {
            interruptKept = Thread.interrupted();
        }
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(interruptKept);
        assertThat(vm.failures()).isEmpty();
        assertEquals("Cancelled: 0 of 1,200 files examined", vm.statusProperty().get());
        assertFalse(vm.busyProperty().get());
    }

    /** Files named as an exam's images are, holding text, so each is opened and read. */
    private static void filesNamedLikeImages(Path dir) throws IOException {
        for (int i = 1; i <= FILES; i++) {
            Files.writeString(dir.resolve(String.format("IMG%05d.dcm", i)), "not an image");
        }
    }

    /** Runs what it is given only when told to, on the calling thread, in the order given. */
    private static final class StepExecutorService extends AbstractExecutorService {
        private final Deque<Runnable> tasks = new ArrayDeque<>();
        private boolean shutdown;

        @Override
        public synchronized void execute(Runnable task) {
            tasks.add(task);
        }

        void runNext() {
            Runnable task;
            synchronized (this) {
                task = tasks.remove();
            }
            task.run();
        }

        void runAll() {
            while (true) {
                synchronized (this) {
                    if (tasks.isEmpty()) {
                        return;
                    }
                }
                runNext();
            }
        }

        @Override
        public synchronized void shutdown() {
            shutdown = true;
        }

        @Override
        public synchronized List<Runnable> shutdownNow() {
            shutdown = true;
            List<Runnable> pending = List.copyOf(tasks);
            tasks.clear();
            return pending;
        }

        @Override
        public synchronized boolean isShutdown() {
            return shutdown;
        }

        @Override
        public synchronized boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
