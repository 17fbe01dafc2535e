package org.sonocine.ui;

import javafx.application.Application;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.sonocine.imaging.FailureWords;
import org.sonocine.study.DemoCine;
import org.sonocine.study.FailureReason;
import org.sonocine.study.RemoteCache;
import org.sonocine.ui.browser.ThumbnailService;
import org.sonocine.ui.remote.ArchiveSettings;
import org.sonocine.ui.remote.ArchiveViewModel;
import org.sonocine.ui.task.BackgroundTask;
import org.sonocine.ui.task.Lane;
import org.sonocine.ui.task.PooledTaskExecutor;
import org.sonocine.ui.task.TaskExecutor;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * The viewer application: opens the files and folders it was started with (a double-clicked file arrives this
 * way), or the demo cine when there are none; later, the files of later launches and of macOS Finder.
 */
public final class ViewerApp extends Application {
    static final String DEMO_NAME = "demo cine.dcm";
    private static final double PREFERRED_WIDTH = 1400;
    private static final double PREFERRED_HEIGHT = 860;
    private static final double MIN_WIDTH = 1024;
    private static final double MIN_HEIGHT = 640;
    /** The window's background (sonocine.css, -fx-background), shown before its style sheet is read. */
    static final Color WINDOW_COLOUR = Color.web("#1e1f22");
    /** What images seen from archives may take on disk before the least recently viewed are deleted. */
    private static final long ARCHIVE_CACHE_BYTES = 2L << 30;
    /** When the side panels and bars begin to come if no first frame came before (a slow file, or none opened). */
    private static final javafx.util.Duration REST_OF_WINDOW_AT_THE_LATEST = javafx.util.Duration.seconds(1.5);
    /** Made on the build thread, read on the JavaFX thread once {@link #building} is done. */
    private TaskExecutor tasks;
    private ViewerViewModel vm;
    private MainWindow window;
    private CompletableFuture<Void> building = CompletableFuture.completedFuture(null);
    /** Set once files come from outside, so that the demo, which loads in the background, does not replace them. */
    private boolean openedFromOutside;
    /** Set first thing by {@link #stop}: a viewer made after it is not put in the window. */
    private volatile boolean stopped;

    @Override
    public void start(Stage stage) {
        StartupReport.mark(StartupReport.Milestone.TOOLKIT_UP);
        ViewerLauncher.earlyOpening().ifPresent(EarlyOpening::begin);
        Dimension2D size = initialSize(Screen.getPrimary().getVisualBounds());
        Scene scene = showFirst(stage, size);
        StartupReport.mark(StartupReport.Milestone.WINDOW_SHOWN);
        // Made once the window is shown, while the file opened ahead is read: until it joins a scene the viewer is
        // nodes and models like any others, and it holds no control yet, so any thread may make it (see
        // MainWindow.forStart). Made beside the showing, it took the window ~0.1 s longer on two cores: both
        // initialise the same style and font classes, and one waits for the other.
        CompletableFuture<Void> made = CompletableFuture.runAsync(this::makeViewer, ViewerApp::onBuildThread);
        building = made;
        // JavaFX 21 on some window managers (Openbox) maps the window at 200 × 200 whatever size it was given
        // (JDK-8316423, fixed in JavaFX 22): asking again once the window is on screen is honoured.
        Platform.runLater(() -> {
            stage.setWidth(size.getWidth());
            stage.setHeight(size.getHeight());
            stage.centerOnScreen();
        });
        // Not waited for on the JavaFX thread, which paints the empty window meanwhile.
        made.whenComplete((ignored, failure) -> Platform.runLater(() -> fill(stage, scene, made)));
    }

    private static void onBuildThread(Runnable build) {
        Thread thread = new Thread(build, "sonocine-viewer-build");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Shows the window first, in the colour of the one to come and with nothing in it yet: what it will hold takes
     * another 0.3 s or so to make and style on a modest machine, and a window that answers the double-click at once
     * tells the user that the file is opening. No style sheet and no control yet, whose styling would come first.
     */
    static Scene showFirst(Stage stage, Dimension2D size) {
        Scene scene = new Scene(new Region(), size.getWidth(), size.getHeight(), WINDOW_COLOUR);
        stage.setTitle("Sonocine");
        stage.setScene(scene);
        stage.setWidth(size.getWidth());
        stage.setHeight(size.getHeight());
        stage.centerOnScreen();
        stage.show();
        return scene;
    }

    /** Puts the viewer {@link #start} had made in the window it showed, and opens what it was started on. */
    private void fill(Stage stage, Scene scene, CompletableFuture<Void> made) {
        if (stopped || !stage.isShowing()) {
            return; // closed at once: stop() has run, or is running
        }
        try {
            made.join();
            showViewer(stage, scene);
        } catch (RuntimeException e) {
            // Out of start() this would end the launch; an empty window must not stay open instead.
            ViewerLauncher.couldNotStart(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
            stage.hide();
            Platform.exit();
        }
    }

    /** Makes the viewer's models and its window's contents; on a thread of its own (see {@link #start}). */
    private void makeViewer() {
        tasks = new PooledTaskExecutor(Platform::runLater, Runtime.getRuntime().availableProcessors());
        vm = new ViewerViewModel(tasks, System::nanoTime, RecentFiles.forUser());
        ViewerLauncher.earlyOpening().ifPresent(vm::startedOn);
        RemoteCache cache = new RemoteCache(UserDirectories.current().cache().resolve("archives"), ARCHIVE_CACHE_BYTES);
        ArchiveViewModel archive = new ArchiveViewModel(tasks, cache, vm::addInstances);
        vm.openArchivedWith(archive::opener);
        window = MainWindow.forStart(vm, new ThumbnailService(tasks, archive::opener), archive,
                ArchiveSettings.forUser());
    }

    private void showViewer(Stage stage, Scene scene) {
        ResponsivenessReport.startIfAsked(vm);
        scene.getStylesheets().add(ViewerApp.class.getResource("sonocine.css").toExternalForm());
        window.installShortcuts(scene);
        List<Path> paths = getParameters().getRaw().stream().map(Path::of).toList();
        if (!paths.isEmpty()) {
            // Before the viewer joins the window: a file read while it was made comes with it.
            vm.openAtStart(paths);
        }
        scene.setRoot(window.root());
        // The window manager takes the icons whenever they come; decoding them can wait for the whole window too.
        window.afterFirstFrame(REST_OF_WINDOW_AT_THE_LATEST, () -> {
            stage.getIcons().addAll(icons());
            // 3D stands for the OpenGL pipeline: JavaFX's software pipeline has none, and its OpenGL one has it
            // wherever textures of any size are supported, which every GPU it accepts on Linux does.
            ViewerLauncher.startIsOver(Platform.isSupported(ConditionalFeature.SCENE3D));
        });
        ViewerLauncher.OPEN_REQUESTS.deliverTo(later -> Platform.runLater(() -> openFromOutside(stage, later)));
        if (paths.isEmpty()) {
            openDemo();
        }
    }

    private void openDemo() {
        vm.statusProperty().set("Preparing the demo cine…");
        BackgroundTask.wrap(ViewerApp::writeDemo).onSuccess(demo -> {
            if (!openedFromOutside) {
                vm.openDemo(demo);
            }
        }).onFailure(failure -> vm.statusProperty().set(demoFailure(failure)))
                .executeWith(tasks, Lane.INTERACTIVE);
    }

    /** The file system's own messages are often the bare path it tried: the status says what went wrong instead. */
    static String demoFailure(Throwable failure) {
        String reason = failure instanceof FileSystemException ? FailureReason.of(Path.of(DEMO_NAME), failure)
                : FailureWords.of(failure);
        return "Could not write the demo cine: " + reason;
    }

    /**
     * The window's first size: 1400 × 860, or 90 % of a smaller screen, but not below the 1024 × 640 the layout is
     * made for unless the screen itself is smaller.
     */
    static Dimension2D initialSize(Rectangle2D screen) {
        double width = Math.min(screen.getWidth(), Math.max(MIN_WIDTH, Math.min(PREFERRED_WIDTH,
                screen.getWidth() * 0.9)));
        double height = Math.min(screen.getHeight(), Math.max(MIN_HEIGHT, Math.min(PREFERRED_HEIGHT,
                screen.getHeight() * 0.9)));
        return new Dimension2D(Math.round(width), Math.round(height));
    }

    /**
     * Writes the demo cine to a file of its own in a new temporary folder, under a name a user can read: the name
     * is what the title bar and the status line show.
     */
    static Path writeDemo() throws IOException {
        Path folder = Files.createTempDirectory("sonocine-demo-");
        Path file = folder.resolve(DEMO_NAME);
        // Deleted in the reverse order of these calls: the file, then its folder.
        folder.toFile().deleteOnExit();
        file.toFile().deleteOnExit();
        DemoCine.write(file);
        return file;
    }

    /** Opens what a later launch or Finder asked for and brings the window forward (all a bare launch wants). */
    private void openFromOutside(Stage stage, List<Path> paths) {
        if (!paths.isEmpty()) {
            openedFromOutside = true;
            vm.open(paths);
        }
        stage.setIconified(false);
        stage.toFront();
        stage.requestFocus();
    }

    private static List<Image> icons() {
        return Stream.of(16, 32, 64, 256)
                .map(size -> new Image(ViewerApp.class.getResource("icon-" + size + ".png").toExternalForm()))
                .toList();
    }

    @Override
    public void stop() {
        stopped = true;
        try {
            building.join(); // what it makes is closed below
        } catch (RuntimeException e) {
            // fill() said why; whatever was made is closed all the same
        }
        ViewerLauncher.OPEN_REQUESTS.close();
        if (window != null) {
            window.stop();
        }
        if (vm != null) {
            vm.close();
        }
        if (tasks != null) {
            tasks.close();
        }
    }
}
