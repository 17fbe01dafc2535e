package org.sonocine.ui;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.sonocine.ui.browser.ThumbnailService;
import org.sonocine.ui.task.PooledTaskExecutor;
import org.sonocine.ui.task.TaskExecutor;
import org.sonocine.study.RemoteCache;
import org.sonocine.ui.remote.ArchiveSettings;
import org.sonocine.ui.remote.ArchiveViewModel;

import java.nio.file.Path;
import java.util.function.LongSupplier;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The viewer's window as the UI tests build it: lanes on real threads posting to the JavaFX thread, recent files in
 * a preferences node of the test's own (removed on close), keyboard shortcuts installed.
 */
final class TestWindow {
    final TaskExecutor tasks;
    final ViewerViewModel vm;
    final MainWindow window;
    private final String recentNode;

    private TestWindow(LongSupplier clock, String recentNode) {
        this(clock, recentNode, null);
    }

    /** With File › Connect to Archive… when {@code archiveCache} is given, its settings beside the recent files. */
    private TestWindow(LongSupplier clock, String recentNode, Path archiveCache) {
        this.recentNode = recentNode;
        tasks = new PooledTaskExecutor(Platform::runLater, 2);
        vm = new ViewerViewModel(tasks, clock, new RecentFiles(Preferences.userRoot().node(recentNode)));
        if (archiveCache == null) {
            window = new MainWindow(vm, new ThumbnailService(tasks));
        } else {
            ArchiveViewModel archive = new ArchiveViewModel(tasks, new RemoteCache(archiveCache, 1L << 30),
                    vm::addInstances);
            vm.openArchivedWith(archive::opener);
            window = new MainWindow(vm, new ThumbnailService(tasks, archive::opener), archive,
                    new ArchiveSettings(Preferences.userRoot().node(recentNode + "-archives")));
        }
    }

    /** As {@link #show}, with archives, whose images are kept in {@code archiveCache}. */
    static TestWindow showWithArchives(Stage stage, String recentNode, Path archiveCache) {
        TestWindow test = new TestWindow(System::nanoTime, recentNode, archiveCache);
        Scene scene = new Scene(test.window.root(), 1200, 800);
        test.window.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
        return test;
    }

    /** Shows a new window in {@code stage}, {@code width} × {@code height}, with the viewer's style sheet or not. */
    static TestWindow show(Stage stage, LongSupplier clock, String recentNode, double width, double height,
                           boolean styled) {
        TestWindow test = new TestWindow(clock, recentNode);
        Scene scene = new Scene(test.window.root(), width, height);
        if (styled) {
            scene.getStylesheets().add(ViewerApp.class.getResource("sonocine.css").toExternalForm());
        }
        test.window.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
        return test;
    }

    /** Stops the window's pulses, closes what it opened, stops the lanes and forgets the recent files. */
    void close() throws BackingStoreException {
        window.stop();
        vm.close();
        tasks.close();
        Preferences.userRoot().node(recentNode).removeNode();
        Preferences.userRoot().node(recentNode + "-archives").removeNode();
    }
}
