package org.sonocine.ui;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.study.DemoCine;
import org.sonocine.ui.browser.ThumbnailService;
import org.sonocine.ui.task.Lane;
import org.sonocine.ui.task.SteppedTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window a start shows: the image first; the browser and metadata panels, the bars and the notification pane
 * once the first frame is on screen (in the places kept for them); and the file the viewer was started on opened
 * ahead of the window.
 */
@ExtendWith(ApplicationExtension.class)
class StartWindowUiTest {
    private static final String RECENT_NODE = "org/sonocine/test-start-window-recent";
    private Stage stage;
    private SteppedTaskExecutor tasks;
    private ViewerViewModel vm;
    private MainWindow window;
    private volatile boolean afterFirstFrameRan;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void show(FxRobot robot, Duration latest) {
        tasks = new SteppedTaskExecutor();
        robot.interact(() -> {
            makeViewer();
            Scene scene = new Scene(window.root(), 1200, 800);
            // as the viewer shows it: the stand-ins take their bars' heights from the style sheet
            scene.getStylesheets().add(ViewerApp.class.getResource("sonocine.css").toExternalForm());
            window.installShortcuts(scene);
            stage.setScene(scene);
            stage.show();
            window.afterFirstFrame(latest, () -> afterFirstFrameRan = true);
        });
    }

    /** The view model and the start window over {@link #tasks}, made on the JavaFX thread. */
    private void makeViewer() {
        vm = new ViewerViewModel(tasks, System::nanoTime, new RecentFiles(Preferences.userRoot().node(RECENT_NODE)));
        window = MainWindow.forStart(vm, new ThumbnailService(tasks), null, null);
    }

    /** The demo cine written as {@code name} in {@code dir}. */
    private static Path demoFile(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        DemoCine.write(file);
        return file;
    }

    /** Waits until {@code message} is in sight over the image, in the notification bar. */
    private static void waitForNotificationInSight(FxRobot robot, String message) throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".notification-bar .label").queryAll()
                .stream().anyMatch(label -> label instanceof Label l && message.equals(l.getText())
                        && l.isVisible() && l.getScene() != null && l.localToScene(l.getLayoutBounds())
                        .getHeight() > 0));
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
    void sidePanelsComeOnceTheFirstFrameIsShownAndShowTheOpenFile(FxRobot robot, @TempDir Path dir)
            throws Exception {
        Path file = demoFile(dir, "start.dcm");
        show(robot, Duration.minutes(5));

        assertTrue(robot.lookup("#browser").tryQuery().isEmpty(), "no browser before the first frame");
        assertFalse(afterFirstFrameRan);
        assertTrue(robot.lookup("#details").tryQuery().isEmpty(), "no details before the first frame");
        double placeWidth = robot.lookup(".side-panel-place").queryAll().iterator().next().getBoundsInLocal()
                .getWidth();
        assertTrue(placeWidth >= MainWindow.BROWSER_MIN_WIDTH, "the browser's place is kept: " + placeWidth);

        openAndShowFirstFrame(robot, file);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> afterFirstFrameRan);
        assertTrue(robot.lookup("#browser").tryQuery().isPresent(), "what waits for the first frame runs with the "
                + "panels in");
        assertTrue(robot.lookup("#details").tryQuery().isPresent());
        assertEquals("ORIGINAL", robot.lookup("#metaImageTypeBadge").queryAs(Label.class).getText(),
                "the metadata of the file opened before the panels came");
    }

    @Test
    void barsComeAfterTheFirstFrameInTheirPlacesAndWork(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = demoFile(dir, "start.dcm");
        show(robot, Duration.minutes(5));
        WaitForAsyncUtils.waitForFxEvents();
        for (String bar : List.of("#menuBar", "#measureToolBar", "#cineBar", "#statusBar", "#notifications")) {
            assertTrue(robot.lookup(bar).tryQuery().isEmpty(), bar + " waits for the first frame");
        }
        Bounds before = imageBounds(robot);

        openAndShowFirstFrame(robot, file);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> afterFirstFrameRan);
        for (String bar : List.of("#menuBar", "#measureToolBar", "#cineBar", "#statusBar", "#notifications")) {
            assertTrue(robot.lookup(bar).tryQuery().isPresent(), bar + " comes after the first frame");
        }
        assertEquals(before, imageBounds(robot), "the image neither moves nor changes size when the bars come");

        boolean playing = vm.cine().playingProperty().get();
        robot.clickOn("#playButton");
        assertEquals(!playing, vm.cine().playingProperty().get(), "the cine bar's play button works");
        Label overlay = robot.lookup("#overlay").queryAs(Label.class);
        assertTrue(overlay.isVisible());
        robot.clickOn("View").clickOn("Overlay");
        assertFalse(overlay.isVisible(), "View › Overlay works");
        robot.type(KeyCode.O);
        assertTrue(overlay.isVisible(), "and its shortcut, from the menu bar");
    }

    @Test
    void theRestOfTheWindowComesAPieceAPulse(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = demoFile(dir, "start.dcm");
        show(robot, Duration.minutes(5));
        // What each pulse from the first frame on had in: a bar or panel name, once it is in the window.
        List<Set<String>> pulses = new CopyOnWriteArrayList<>();
        List<String> pieces = List.of("#menuBar", "#cineBar", "#measureToolBar", "#statusBar", "#browser",
                "#details");
        // The tree table of all attributes, chosen as soon as its tab is there: it must not wait for its piece.
        List<Node> chosenAtOnce = new CopyOnWriteArrayList<>();
        robot.interact(() -> stage.getScene().addPostLayoutPulseListener(() -> {
            if (vm.cine().displayedProperty().get() != null) {
                pulses.add(pieces.stream().filter(id -> window.root().lookup(id) != null)
                        .collect(Collectors.toSet()));
            }
            if (window.root().lookup("#details") instanceof TabPane details && chosenAtOnce.isEmpty()) {
                details.getSelectionModel().select(1);
                chosenAtOnce.add(Optional.ofNullable(details.getTabs().get(1).getContent()).orElse(details));
            }
        }));

        openAndShowFirstFrame(robot, file);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> afterFirstFrameRan);

        List<Integer> counts = pulses.stream().map(Set::size).distinct().toList();
        assertEquals(IntStream.rangeClosed(0, pieces.size()).boxed().toList(), counts,
                "the pulses saw the pieces come one by one: " + pulses);
        assertEquals(Set.of("#menuBar", "#cineBar"), pulses.stream().filter(in -> in.size() == 2).findFirst()
                .orElseThrow(), "the menus and the cine's controls first");
        assertTrue(chosenAtOnce.get(0) instanceof AttributeTreeView, "the tab chosen before its piece came was "
                + "filled at once: " + chosenAtOnce);
        TabPane details = robot.lookup("#details").queryAs(TabPane.class);
        assertTrue(details.getTabs().stream().allMatch(tab -> tab.getContent() != null),
                "every tab has its content once the window is complete");
    }

    @Test
    void theRestOfTheWindowIsNotBuiltOnceTheWindowIsStopped(FxRobot robot) throws Exception {
        show(robot, Duration.minutes(5));
        robot.interact(() -> {
            atTheFirstPiece(window::stop);
            window.completeInSteps(stage.getScene(), () -> afterFirstFrameRan = true);
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#menuBar").tryQuery().isPresent());

        passPulses(robot);

        assertTrue(robot.lookup("#cineBar").tryQuery().isEmpty(), "no piece after the stop");
        assertFalse(afterFirstFrameRan, "nor what waited for the whole window");
    }

    @Test
    void completingAtOnceWhileInStepsBuildsTheRestAndRunsWhatWaitedOnce(FxRobot robot) throws Exception {
        show(robot, Duration.minutes(5));
        AtomicInteger ran = new AtomicInteger();
        AtomicBoolean restAtOnce = new AtomicBoolean();
        robot.interact(() -> {
            atTheFirstPiece(() -> {
                // in the pulse after the first piece, before the next piece comes
                restAtOnce.set(window.root().lookup("#cineBar") == null);
                window.complete();
            });
            window.completeInSteps(stage.getScene(), ran::incrementAndGet);
            window.completeInSteps(stage.getScene(), ran::incrementAndGet);
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#details").tryQuery().isPresent());

        assertTrue(restAtOnce.get(), "completed while the steps were under way");
        assertEquals(2, ran.get(), "what each call waited for ran, once");
        passPulses(robot);
        assertEquals(2, ran.get(), "and never again");
    }

    /** Runs {@code then} once, in the pulse that lays out the first piece of the rest of the window. */
    private void atTheFirstPiece(Runnable then) {
        AtomicBoolean done = new AtomicBoolean();
        stage.getScene().addPostLayoutPulseListener(() -> {
            if (window.root().lookup("#menuBar") != null && !done.getAndSet(true)) {
                then.run();
            }
        });
    }

    /** Lets a few pulses pass, in which pieces still to come would come. */
    private void passPulses(FxRobot robot) {
        for (int pulse = 0; pulse < 5; pulse++) {
            robot.interact(() -> LayoutPulses.afterNext(stage.getScene(), () -> { }));
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /**
     * As the viewer starts: the window shown with nothing in it, then the viewer put in, with what it already shows
     * ({@code beforeJoining}), in one go.
     */
    private void startWindow(FxRobot robot, Runnable beforeJoining) {
        tasks = new SteppedTaskExecutor();
        robot.interact(() -> {
            makeViewer();
            Scene scene = new Scene(new javafx.scene.layout.Region(), 1200, 800);
            stage.setScene(scene);
            stage.setTitle("Sonocine");
            stage.show();
            beforeJoining.run();
            scene.setRoot(window.root());
            window.afterFirstFrame(Duration.minutes(5), () -> { });
        });
    }

    @Test
    void aFileThatFailedBeforeTheViewerJoinedTheWindowSaysSoOverTheImage(FxRobot robot) throws Exception {
        String message = "random.dcm: the file is not DICOM";
        startWindow(robot, () -> vm.loadErrorProperty().set(message));

        waitForNotificationInSight(robot, message);
    }

    @Test
    void theTitleNamesTheFileShownBeforeTheViewerJoinedTheWindow(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = demoFile(dir, "titled.dcm");
        LoadedInstance ahead = LoadedInstance.open(file);
        startWindow(robot, () -> {
            vm.startedOn(EarlyOpening.done(file, ahead));
            vm.openAtStart(List.of(file));
        });

        assertEquals("Sonocine — titled.dcm", stage.getTitle());
    }

    @Test
    void aMenuShortcutPressedBeforeTheMenusComeIsNotLost(FxRobot robot) {
        show(robot, Duration.minutes(5));
        WaitForAsyncUtils.waitForFxEvents();

        robot.type(KeyCode.O);

        assertTrue(robot.lookup("#menuBar").tryQuery().isEmpty(), "the menus are not in yet");
        robot.interact(window::complete);
        WaitForAsyncUtils.waitForFxEvents();
        Label overlay = robot.lookup("#overlay").queryAs(Label.class);
        assertFalse(overlay.isVisible(), "View › Overlay's shortcut worked all the same");
        robot.type(KeyCode.O);
        assertTrue(overlay.isVisible(), "once the menus are in, the shortcut runs once, not twice");
    }

    @Test
    void theShortcutsTableOpensFromItsKeyBeforeTheMenusCome(FxRobot robot) {
        show(robot, Duration.minutes(5));
        WaitForAsyncUtils.waitForFxEvents();

        robot.type(KeyCode.F1);

        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#menuBar").tryQuery().isEmpty(), "the menus are not in yet");
        @SuppressWarnings("unchecked")
        TableView<ShortcutsDialog.Shortcut> table = robot.lookup("#shortcutsTable").queryAs(TableView.class);
        assertTrue(table.getItems().containsAll(List.of(new ShortcutsDialog.Shortcut("F", "View › Fit to Window"),
                new ShortcutsDialog.Shortcut("Ctrl+O", "File › Open…"))), "the menus' shortcuts: " + table.getItems());
        robot.clickOn("Close");
    }

    @Test
    void theFileMenuIsGroupedOnceTheMenusCome(FxRobot robot) {
        show(robot, Duration.minutes(5));
        robot.interact(window::complete);
        robot.interact(window::complete);

        MenuBar menus = robot.lookup("#menuBar").queryAs(MenuBar.class);
        List<String> file = menus.getMenus().get(0).getItems().stream()
                .map(item -> item instanceof SeparatorMenuItem ? "—" : item.getText()).toList();
        assertEquals(List.of("Open…", "Open Folder…", "Open Recent", "—", "Connect to Archive…",
                "Clear Archive Cache", "—", "Export…", "—", "Quit"), file);
    }

    @Test
    void theFirstFrameIsPaintedWithNoControlAndNoText(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = demoFile(dir, "start.dcm");
        show(robot, Duration.minutes(5));
        ImageView image = robot.lookup("#imageView").queryAs(ImageView.class);
        // The tree the pulse that paints the first frame styles, lays out and hands to the renderer.
        List<Node> inFirstFramePulse = new CopyOnWriteArrayList<>();
        AtomicBoolean seen = new AtomicBoolean();
        robot.interact(() -> stage.getScene().addPostLayoutPulseListener(() -> {
            if (image.getImage() != null && !seen.getAndSet(true)) {
                collectControlsAndText(window.root(), inFirstFramePulse);
            }
        }));

        openAndShowFirstFrame(robot, file);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#cineBar").tryQuery().isPresent());
        assertTrue(seen.get(), "a pulse painted the first frame");
        assertTrue(inFirstFramePulse.isEmpty(), "neither the controls' style sheet nor a font is needed to paint "
                + "the first frame, but its window held " + inFirstFramePulse);
        assertTrue(robot.lookup("#overlay").tryQuery().isPresent(), "the overlay comes with the bars");
    }

    private static void collectControlsAndText(Node node, List<Node> found) {
        if (node instanceof Control || node instanceof Text) {
            found.add(node);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collectControlsAndText(child, found);
            }
        }
    }

    private void openAndShowFirstFrame(FxRobot robot, Path file) {
        robot.interact(() -> vm.open(List.of(file)));
        tasks.runNext(Lane.INTERACTIVE);
        robot.interact(tasks::runUi);
        tasks.runNext(Lane.INTERACTIVE);
        robot.interact(tasks::runUi);
        assertNotNull(vm.cine().displayedProperty().get(), "the first frame is shown");
    }

    private static Bounds imageBounds(FxRobot robot) {
        Node viewport = robot.lookup("#viewport").query();
        return viewport.localToScene(viewport.getLayoutBounds());
    }

    @Test
    void sidePanelsComeAtTheLatestWhenNothingIsOpened(FxRobot robot) throws Exception {
        show(robot, Duration.millis(200));

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#details").tryQuery().isPresent());
        assertTrue(robot.lookup("#browser").tryQuery().isPresent());
    }

    @Test
    void sidePanelsComeWhenTheFileCannotBeOpenedAndTheFailureIsShown(FxRobot robot, @TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("broken.dcm");
        Files.writeString(file, "not DICOM");
        show(robot, Duration.minutes(5));

        robot.interact(() -> vm.open(List.of(file)));
        tasks.runNext(Lane.INTERACTIVE);
        robot.interact(tasks::runUi);
        tasks.runNext(Lane.INTERACTIVE);
        robot.interact(tasks::runUi);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#details").tryQuery().isPresent());
        NotificationPane notifications = robot.lookup("#notifications").queryAs(NotificationPane.class);
        String message = vm.loadErrorProperty().get();
        assertTrue(message.contains("broken.dcm"), message);
        assertEquals(message, notifications.getText());
        waitForNotificationInSight(robot, message);
    }

    @Test
    void theFileOpenedAheadIsTakenByTheFirstLoadOnly(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = demoFile(dir, "ahead.dcm");
        LoadedInstance ahead = LoadedInstance.open(file);
        show(robot, Duration.minutes(5));
        robot.interact(() -> vm.startedOn(EarlyOpening.done(file, ahead)));

        robot.interact(() -> vm.openInstance(file));
        tasks.runNext(Lane.INTERACTIVE);
        robot.interact(tasks::runUi);
        assertSame(ahead, vm.currentProperty().get(), "the instance opened ahead is shown");

        EarlyOpening taken = EarlyOpening.done(file, ahead);
        assertTrue(taken.take(file).isPresent());
        assertTrue(taken.take(file).isEmpty(), "a second load opens the file afresh");
        EarlyOpening other = EarlyOpening.done(file, LoadedInstance.open(file));
        assertTrue(other.take(dir.resolve("other.dcm")).isEmpty(), "another file is not given this one");
        assertTrue(other.take(file).isEmpty(), "and the one opened ahead is given up");
    }

    @Test
    void aFileOpenedAheadIsShownBeforeAnyTaskRunsAndNotLoadedAgain(FxRobot robot, @TempDir Path dir)
            throws Exception {
        boolean[] playingAtOnce = new boolean[1];
        int[] queuedAtOnce = new int[1];
        LoadedInstance ahead = startOnFileOpenedAhead(robot, dir, () -> {
            // Read before the JavaFX thread lets the renderer draw the frame.
            playingAtOnce[0] = vm.cine().playingProperty().get();
            queuedAtOnce[0] = tasks.queued(Lane.INTERACTIVE);
        });
        assertSame(ahead, vm.currentProperty().get(), "shown at once, with the window");
        assertNotNull(vm.cine().displayedProperty().get());
        assertFalse(playingAtOnce[0], "the cine waits to play until its first frame is drawn");
        assertEquals(0, queuedAtOnce[0], "the rest of the open waits too");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#details").tryQuery().isPresent());
        assertTrue(vm.cine().playingProperty().get(), "plays once the frame is drawn");
        assertEquals(1, tasks.queued(Lane.INTERACTIVE), "and the open goes on");
        tasks.runNext(Lane.INTERACTIVE);
        robot.interact(tasks::runUi);
        assertEquals(0, tasks.queued(Lane.INTERACTIVE), "the file is not loaded a second time");
        assertSame(ahead, vm.currentProperty().get());
    }

    @Test
    void aCineShownAtStartThatTheUserPausedStaysPausedWhenItsFrameIsDrawn(FxRobot robot, @TempDir Path dir)
            throws Exception {
        startOnFileOpenedAhead(robot, dir, () -> vm.cine().step(1));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#details").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.cine().playingProperty().get(), "the user's step is not overridden");
    }

    /**
     * Shows the start window and starts it on a file opened ahead, then runs {@code rightAfter} on the JavaFX thread
     * before that thread lets the renderer draw; returns the instance opened ahead.
     */
    private LoadedInstance startOnFileOpenedAhead(FxRobot robot, Path dir, Runnable rightAfter) throws Exception {
        Path file = demoFile(dir, "ahead.dcm");
        LoadedInstance ahead = LoadedInstance.open(file);
        show(robot, Duration.minutes(5));
        robot.interact(() -> {
            vm.startedOn(EarlyOpening.done(file, ahead));
            vm.openAtStart(List.of(file));
            rightAfter.run();
        });
        return ahead;
    }

    @Test
    void aFolderGivenFirstIsNotOpenedAhead(@TempDir Path dir) throws Exception {
        Path file = demoFile(dir, "a.dcm");
        assertTrue(EarlyOpening.forStart(List.of(dir, file)).isEmpty());
        assertTrue(EarlyOpening.forStart(List.of(dir.resolve("DICOMDIR"))).isEmpty());
        EarlyOpening opening = EarlyOpening.forStart(List.of(file, dir)).orElseThrow();
        LoadedInstance instance = opening.take(file).orElseThrow();
        assertEquals(file, instance.path());
        instance.close();
    }

    @Test
    @Timeout(10)
    void anOpeningNobodyBeganIsOpenedByItsTaker(@TempDir Path dir) throws Exception {
        Path file = demoFile(dir, "a.dcm");
        EarlyOpening opening = EarlyOpening.forStart(List.of(file)).orElseThrow();

        LoadedInstance instance = opening.take(file).orElseThrow();

        assertEquals(file, instance.path());
        assertNotNull(instance.firstFrame());
        instance.close();
        opening.begin(); // begun by the take: nothing more is opened
        assertTrue(opening.take(file).isEmpty(), "taken once only");
    }
}
