package org.sonocine.ui;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.study.DemoCine;
import org.sonocine.ui.browser.ThumbnailService;
import org.sonocine.ui.task.Lane;
import org.sonocine.ui.task.PooledTaskExecutor;
import org.sonocine.ui.task.SteppedTaskExecutor;
import org.sonocine.ui.task.TaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Opening through the window: two quick opens show the second; Cancel on a scan ends in a consistent state. */
@ExtendWith(ApplicationExtension.class)
class OpeningUiTest {
    private static final String RECENT_NODE = "org/sonocine/test-opening-recent";
    private Stage stage;
    private TaskExecutor tasks;
    private ViewerViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void show(FxRobot robot, TaskExecutor executor) {
        tasks = executor;
        robot.interact(() -> {
            vm = new ViewerViewModel(executor, System::nanoTime,
                    new RecentFiles(Preferences.userRoot().node(RECENT_NODE)));
            window = new MainWindow(vm, new ThumbnailService(executor));
            stage.setScene(new Scene(window.root(), 1200, 800));
            stage.show();
        });
    }

    @AfterEach
    void stop(FxRobot robot) throws BackingStoreException {
        if (window != null) {
            robot.interact(() -> {
                window.stop();
                vm.close();
            });
            tasks.close();
        }
        Preferences.userRoot().node(RECENT_NODE).removeNode();
    }

    @Test
    void ofTwoQuickOpensTheSecondIsShown(FxRobot robot, @TempDir Path dir) throws Exception {
        show(robot, new PooledTaskExecutor(Platform::runLater, 2));
        Path first = cine(dir, "first.dcm");
        Path second = cine(dir, "second.dcm");

        robot.interact(() -> {
            vm.open(List.of(first));
            vm.open(List.of(second));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.currentProperty().get() != null
                && vm.loadingPath().isEmpty() && !vm.busyProperty().get());
        // Whatever ended last, nothing may replace the second file afterwards.
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(second, vm.currentProperty().get().path());
        assertEquals("Sonocine — second.dcm", stage.getTitle());
    }

    @Test
    void cancellingAScanLeavesItsCountAndHidesTheButton(FxRobot robot, @TempDir Path dir) throws IOException {
        SteppedTaskExecutor stepped = new SteppedTaskExecutor();
        show(robot, stepped);
        for (int i = 1; i <= 1200; i++) {
            Files.writeString(dir.resolve(String.format("IMG%05d.dcm", i)), "not an image");
        }
        robot.interact(() -> vm.open(List.of(dir)));
        stepped.runNext(Lane.INTERACTIVE);
        robot.interact(stepped::runUi);
        stepped.runNext(Lane.SCAN);
        robot.interact(stepped::runUi);

        robot.clickOn("#cancelScan");
        while (stepped.queued(Lane.SCAN) > 0) {
            stepped.runNext(Lane.SCAN);
        }
        robot.interact(stepped::runUi);

        assertEquals("Cancelled: 0 of 1,200 files examined", robot.lookup("#statusBar").queryAs(StatusBar.class)
                .getText());
        assertFalse(robot.lookup("#cancelScan").queryAs(Button.class).isVisible());
    }

    private static Path cine(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        DemoCine.write(file);
        return file;
    }
}
