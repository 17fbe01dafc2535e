package org.sonocine.ui;

import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.StatusBar;
import org.sonocine.ui.browser.BrowserPane;
import org.sonocine.ui.browser.BrowserViewModel;
import org.sonocine.ui.browser.ThumbnailService;
import org.sonocine.ui.remote.ArchiveDialog;
import org.sonocine.ui.remote.ArchiveSettings;
import org.sonocine.ui.remote.ArchiveViewModel;
import org.sonocine.ui.measure.MeasureToolBar;
import org.sonocine.ui.measure.MeasurementLayer;
import org.sonocine.ui.measure.MeasurementsPanel;
import org.sonocine.ui.measure.MeasurementsViewModel;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The viewer window: menus, the exam browser on the left, the image with its cine bar in the middle, the
 * metadata on the right, a status bar with scan progress. Files and folders can be dropped anywhere on it.
 */
public final class MainWindow {
    /** Side panels narrow enough that a 1024 pixel wide window keeps half its width for the image. */
    static final double BROWSER_MIN_WIDTH = 220;
    static final double DETAILS_MIN_WIDTH = 260;
    /** Room for the cine controls (CineBar's minimum width). */
    static final double IMAGE_MIN_WIDTH = 400;
    private static final double BROWSER_SHARE = 0.2;
    private static final double DETAILS_SHARE = 0.26;
    private final ViewerViewModel vm;
    private final BorderPane root = new BorderPane();
    private final ImageViewport viewport = new ImageViewport();
    /** Where the side panels and bars go: built once the first frame is on screen when the window says so. */
    private final StackPane browserPlace = new StackPane();
    private final StackPane detailsPlace = new StackPane();
    private final BarPlace menuPlace = new BarPlace("menuBarPlace", "menu-bar");
    private final BarPlace toolPlace = new BarPlace("measureToolBarPlace", "tool-bar", "measure-tool-bar");
    private final BarPlace cinePlace = new BarPlace("cineBarPlace", "cine-bar");
    private final BarPlace statusPlace = new BarPlace("statusBarPlace", statusBarStandIn());
    /** The image with its bars, and around it, once made, the pane that shows notifications above it. */
    private final VBox imageColumn;
    private final StackPane centre;
    private final ThumbnailService thumbnails;
    private MetadataPanel metadata;
    /** Put the contents of the tabs behind the summary in; null until the tabs are made. */
    private Runnable attributesContent;
    private Runnable measurementsContent;
    private AttributeTreeView attributes;
    private final MeasurementsViewModel measure = new MeasurementsViewModel();
    private final BrowserViewModel browserModel;
    private BrowserPane browser;
    private NotificationPane notifications;
    private final AnimationTimer pulse;
    private final SidePanels panels;
    /** The menus, made with the window (their shortcuts serve from the start); the bar that shows them comes later. */
    private final List<Menu> menus;
    private MenuBar menuBar;
    private EarlyShortcuts earlyShortcuts;
    private CheckMenuItem overlayItem;
    /**
     * The items a separator goes before, added with the menu bar: a separator item is drawn by a control, and a
     * start makes no control before its first frame is painted.
     */
    private List<MenuItem> separatedBefore;
    /** The bars and side panels, once their building has begun. */
    private PiecewiseBuild rest;
    private MenuItem exportItem;
    private final ArchiveViewModel archive;
    private final ArchiveSettings archives;
    private ArchiveDialog archiveDialog;
    private ExportDialog exportDialog;

    public MainWindow(ViewerViewModel vm, ThumbnailService thumbnails) {
        this(vm, thumbnails, null, null);
    }

    /** The whole window at once; {@link #forStart} makes the one a start shows. */
    public MainWindow(ViewerViewModel vm, ThumbnailService thumbnails, ArchiveViewModel archive,
                      ArchiveSettings archives) {
        this(vm, thumbnails, archive, archives, Build.AT_ONCE);
    }

    /**
     * @param archive   searching archives, or null for a window without File › Connect to Archive…
     * @param archives  the archives the user set up
     * @param build     when the side panels and bars are built
     */
    private MainWindow(ViewerViewModel vm, ThumbnailService thumbnails, ArchiveViewModel archive,
                       ArchiveSettings archives, Build build) {
        this.vm = vm;
        this.thumbnails = thumbnails;
        this.archive = archive;
        this.archives = archives;
        root.setId("mainWindow");
        root.getStyleClass().add("main-window");
        browserModel = new BrowserViewModel(vm.instances(), vm.failures(), vm.skippedProperty(), vm::openInstance);
        CineViewModel cine = vm.cine();

        viewport.addMeasurementLayer(new MeasurementLayer(measure));
        imageColumn = new VBox(toolPlace, viewport, cinePlace);
        VBox.setVgrow(viewport, Priority.ALWAYS);
        centre = new StackPane(imageColumn);
        browserPlace.getStyleClass().add("side-panel-place");
        detailsPlace.getStyleClass().add("side-panel-place");
        panels = new SidePanels(browserPlace, centre, detailsPlace, new PanelShares(BROWSER_SHARE, DETAILS_SHARE,
                BROWSER_MIN_WIDTH, IMAGE_MIN_WIDTH, DETAILS_MIN_WIDTH));
        panels.setId("split");
        root.setCenter(panels);
        // Made now though shown later: their shortcuts serve from the start (EarlyShortcuts).
        menus = menus();
        root.setTop(menuPlace);
        root.setBottom(statusPlace);

        viewport.onWheelStep(cine::step);
        viewport.onWindowChange(cine::window, cine::setWindow);
        viewport.onDisplaySize(cine::setDisplaySize);
        cine.displayedProperty().addListener((o, a, frame) -> viewport.show(frame));
        cine.frameErrorProperty().addListener((o, a, message) -> viewport.showError(message));
        cine.frameIndexProperty().addListener((o, a, frame) -> measure.frameProperty().set(frame.intValue()));
        // The loop stands still while a measurement is drawn on its frame.
        measure.drawingProperty().addListener((o, a, drawing) -> {
            if (drawing != null && cine.playingProperty().get()) {
                cine.pause();
            }
        });
        vm.currentProperty().addListener((o, a, instance) -> {
            measure.clear();
            measure.readerProperty().set(vm.measurementReader(instance));
            if (instance != null) {
                // However the file was opened (browser, drop, menu, desktop), the browser selects what is shown.
                browserModel.reveal(instance.path());
            }
            showDetails(instance);
            viewport.setImage(instance == null ? 0 : instance.info().columns(), instance == null ? 0
                    : instance.info().rows(), instance == null ? 1 : instance.geometry().displayAspect());
            viewport.show(cine.displayedProperty().get());
            viewport.showError(cine.frameErrorProperty().get());
            showTitle();
        });
        // At start the file is shown before the viewer joins the window: its title comes with the joining.
        root.sceneProperty().addListener((o, was, scene) -> showTitle());
        vm.loadErrorProperty().addListener((o, a, message) -> {
            if (message != null && !message.isEmpty()) {
                browserModel.openFailed();
                notifications().show(message);
            } else if (notifications != null) {
                notifications.hide();
            }
        });
        root.addEventHandler(DragEvent.DRAG_OVER, this::onDragOver);
        root.addEventHandler(DragEvent.DRAG_DROPPED, this::onDragDropped);
        pulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                cine.tick();
            }
        };
        // Pulses only while something moves: paused on a shown frame, the viewer uses no processor.
        cine.animatingProperty().addListener((o, was, now) -> {
            if (now) {
                pulse.start();
            } else {
                pulse.stop();
            }
        });
        if (cine.animatingProperty().get()) {
            pulse.start();
        }
        if (build == Build.AT_ONCE) {
            complete();
        }
    }

    /** When a window builds its side panels and bars. */
    private enum Build { AT_ONCE, AFTER_FIRST_FRAME }

    /**
     * A window made for a start shows at first only the image: its side panels (the exam browser, the metadata
     * tabs), its bars (menus, measuring tools, cine controls, status) and the pane for notifications are built once
     * the first frame is on screen. Their controls, their skins and their styling were nearly all the work of
     * showing the window, and the image is what a double-click is for. Their places keep their sizes meanwhile, so
     * nothing moves when they arrive; menu shortcuts pressed before are not lost, and a notification builds its
     * pane when it comes first. {@link #afterFirstFrame} builds them, with whatever else can wait.
     */
    public static MainWindow forStart(ViewerViewModel vm, ThumbnailService thumbnails, ArchiveViewModel archive,
                                      ArchiveSettings archives) {
        return new MainWindow(vm, thumbnails, archive, archives, Build.AFTER_FIRST_FRAME);
    }

    /**
     * Ends the view model's start ({@link ViewerViewModel#startIsOver}) and completes the window a piece a pulse
     * (see {@link #forStart} and {@link #completeInSteps}) once the first frame is on screen, or as soon as a load or
     * the first frame fails, or {@code latest} after this call at the latest (nothing opened, or a slow file); then
     * runs {@code work}. Call once the window is shown.
     */
    public void afterFirstFrame(Duration latest, Runnable work) {
        Runnable[] once = new Runnable[1];
        PauseTransition timeout = new PauseTransition(latest);
        ChangeListener<Object> frameOrFailure = (o, a, now) -> {
            if (now != null && !"".equals(now)) {
                once[0].run();
            }
        };
        once[0] = () -> {
            timeout.stop();
            vm.cine().displayedProperty().removeListener(frameOrFailure);
            vm.cine().frameErrorProperty().removeListener(frameOrFailure);
            vm.loadErrorProperty().removeListener(frameOrFailure);
            Scene scene = root.getScene();
            if (scene == null) {
                vm.startIsOver();
                complete();
                work.run();
                return;
            }
            AtomicBoolean completed = new AtomicBoolean();
            Runnable completion = () -> {
                if (completed.compareAndSet(false, true)) {
                    // First, so that the cine's next frames decode while the rest of the window is built.
                    vm.startIsOver();
                    completeInSteps(scene, work);
                }
            };
            // Once the renderer has drawn the frame (0.15-0.3 s in software), and the JavaFX thread has been back in
            // the toolkit's event loop, which sends the drawing to the screen: building the rest first (most of a
            // second of that thread) held the frame back until the whole window was done. In case the renderer
            // never says, the rest comes a second later all the same.
            PauseTransition atTheLatest = new PauseTransition(Duration.seconds(1));
            atTheLatest.setOnFinished(e -> completion.run());
            LayoutPulses.afterNext(scene, () -> {
                atTheLatest.play();
                LayoutPulses.afterRendered(() -> Platform.runLater(completion));
            });
        };
        timeout.setOnFinished(e -> once[0].run());
        vm.cine().displayedProperty().addListener(frameOrFailure);
        // A file whose first frame cannot be shown says so in its place: that is what is on screen then.
        vm.cine().frameErrorProperty().addListener(frameOrFailure);
        vm.loadErrorProperty().addListener(frameOrFailure);
        timeout.play();
        if (vm.cine().displayedProperty().get() != null || !vm.cine().frameErrorProperty().get().isEmpty()) {
            // the first frame, or why there is none, came with the window
            once[0].run();
        }
    }

    /** Builds the bars, the exam browser and the metadata tabs into their places, showing what is already open. */
    void complete() {
        rest().finish();
    }

    /**
     * As {@link #complete}, a part a pulse ({@link PiecewiseBuild}), then runs {@code then}: all at once, the parts
     * kept the JavaFX thread ~1.2 s on a modest machine, a window that answered nothing and a cine that stood still.
     */
    void completeInSteps(Scene scene, Runnable then) {
        rest().inSteps(scene, then);
    }

    private PiecewiseBuild rest() {
        if (rest == null) {
            // The menus and the cine's controls first: what a user reaches for once the image is there. The tabs
            // behind the summary last, the heavier to style (a tree table, a table), unless one is chosen before.
            rest = new PiecewiseBuild(List.of(this::addMenuBar, this::addCineBar, this::addMeasureToolBar,
                    this::addStatusAndNotifications, this::addBrowser, this::addDetails,
                    () -> attributesContent.run(), () -> measurementsContent.run()));
        }
        return rest;
    }

    private void addMenuBar() {
        for (MenuItem item : separatedBefore) {
            List<MenuItem> items = item.getParentMenu().getItems();
            items.add(items.indexOf(item), new SeparatorMenuItem());
        }
        menuBar = new MenuBar(menus.toArray(Menu[]::new));
        menuBar.setId("menuBar");
        if (earlyShortcuts != null) {
            earlyShortcuts.handOver(menuBar);
        }
        menuPlace.fill(menuBar);
        Label overlay = viewport.overlay();
        CineViewModel cine = vm.cine();
        overlay.textProperty().bind(Bindings.concat(cine.frameTextProperty(), "\n", cine.rateTextProperty()));
        overlay.visibleProperty().bind(overlayItem.selectedProperty());
    }

    private void addCineBar() {
        cinePlace.fill(new CineBar(vm.cine()));
    }

    private void addMeasureToolBar() {
        toolPlace.fill(new MeasureToolBar(measure));
    }

    private void addStatusAndNotifications() {
        statusPlace.fill(statusBar());
        NotificationPane pane = notifications();
        String failure = vm.loadErrorProperty().get();
        if (failure != null && !failure.isEmpty()) {
            // Shown before the window was complete (a file that failed at start), it would not be in sight.
            pane.show(failure);
        }
    }

    private void addBrowser() {
        browser = new BrowserPane(browserModel, thumbnails);
        browserPlace.getChildren().setAll(browser);
    }

    /** The tabs of details, the summary in its tab; the other two get their contents later (see {@link #rest}). */
    private void addDetails() {
        metadata = new MetadataPanel(vm::isLoaded, vm::openBySopInstanceUid);
        attributes = new AttributeTreeView();
        Tab attributesTab = new Tab("All attributes");
        Tab measurementsTab = new Tab("Measurements");
        measurementsTab.setId("measurementsTab");
        attributesContent = contentOnce(attributesTab, () -> attributes);
        measurementsContent = contentOnce(measurementsTab,
                () -> new MeasurementsPanel(measure, this::exportMeasurements));
        TabPane details = new TabPane(new Tab("Summary", metadata), attributesTab, measurementsTab);
        details.setId("details");
        details.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        detailsPlace.getChildren().setAll(details);
        showDetails(vm.currentProperty().get());
    }

    /** Gives {@code tab} its content once: when the result is run or when the tab is chosen, whichever is first. */
    private static Runnable contentOnce(Tab tab, Supplier<Node> content) {
        Runnable fill = () -> {
            if (tab.getContent() == null) {
                tab.setContent(content.get());
            }
        };
        tab.selectedProperty().addListener((o, was, selected) -> {
            if (selected) {
                fill.run();
            }
        });
        return fill;
    }

    /**
     * The pane that shows notifications over the image, made on first use: when the window is completed, or before
     * if a notification comes first.
     */
    private NotificationPane notifications() {
        if (notifications == null) {
            notifications = new NotificationPane(imageColumn);
            notifications.setId("notifications");
            centre.getChildren().setAll(notifications);
        }
        return notifications;
    }

    /** Names the file shown in the window's title, once the viewer is in a window. */
    private void showTitle() {
        LoadedInstance instance = vm.currentProperty().get();
        Window w = root.getScene() == null ? null : root.getScene().getWindow();
        if (w instanceof javafx.stage.Stage stage && instance != null) {
            stage.setTitle("Sonocine — " + instance.title());
        }
    }

    private void showDetails(LoadedInstance instance) {
        if (metadata != null) {
            metadata.show(instance);
            attributes.show(instance == null ? null : instance.file());
        }
    }

    public BorderPane root() {
        return root;
    }

    /** Installs the keyboard shortcuts on {@code scene}. */
    public void installShortcuts(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        earlyShortcuts = EarlyShortcuts.serve(scene, menus);
        if (menuBar != null) {
            earlyShortcuts.handOver(menuBar);
        }
    }

    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl) {
            return;
        }
        if (onMeasureKey(e)) {
            e.consume();
            return;
        }
        CineKey key = CineKey.of(e);
        if (key != null) {
            key.run(vm.cine());
            e.consume();
        }
    }

    /** Esc, Enter and Delete act on measurements while one is drawn, a tool is chosen or one is selected. */
    private boolean onMeasureKey(KeyEvent e) {
        switch (e.getCode()) {
            case ESCAPE -> {
                if (measure.toolProperty().get() != null || measure.drawingProperty().get() != null) {
                    measure.escape();
                    return true;
                }
            }
            case ENTER -> {
                if (measure.drawingProperty().get() != null) {
                    measure.enter();
                    return true;
                }
            }
            case DELETE, BACK_SPACE -> {
                if (measure.selectedProperty().get() != null) {
                    measure.deleteSelected();
                    return true;
                }
            }
            default -> {
                return false;
            }
        }
        return false;
    }

    private void exportMeasurements(String csv) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export measurements");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        LoadedInstance shown = vm.currentProperty().get();
        chooser.setInitialFileName((shown == null ? "measurements" : shown.title().replaceFirst("\\.dcm$", ""))
                + "-measurements.csv");
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            vm.saveText(file.toPath(), csv);
        }
    }

    MeasurementsViewModel measurements() {
        return measure;
    }

    private void onDragOver(DragEvent e) {
        if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
            e.consume();
        }
    }

    private void onDragDropped(DragEvent e) {
        boolean ok = e.getDragboard().hasFiles();
        if (ok) {
            List<Path> paths = e.getDragboard().getFiles().stream().map(File::toPath).toList();
            vm.open(paths);
        }
        e.setDropCompleted(ok);
        e.consume();
    }

    private List<Menu> menus() {
        MenuItem open = new MenuItem("Open…");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> chooseFiles());
        MenuItem openFolder = new MenuItem("Open Folder…");
        openFolder.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+O"));
        openFolder.setOnAction(e -> chooseFolder());
        Menu recent = new Menu("Open Recent");
        recent.setOnShowing(e -> {
            recent.getItems().clear();
            for (Path p : vm.recent().list()) {
                MenuItem item = new MenuItem(p.toString());
                // A file name is shown as it is: an underscore in it is not a mnemonic.
                item.setMnemonicParsing(false);
                item.setOnAction(a -> vm.open(List.of(p)));
                recent.getItems().add(item);
            }
            if (recent.getItems().isEmpty()) {
                MenuItem none = new MenuItem("(none)");
                none.setDisable(true);
                recent.getItems().add(none);
            }
        });
        recent.getItems().add(new MenuItem("(none)"));
        exportItem = new MenuItem("Export…");
        exportItem.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        // An archive's image has no file here to export from.
        exportItem.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.currentProperty().get() == null
                || !vm.currentProperty().get().hasImage() || vm.currentProperty().get().file().path().isEmpty(),
                vm.currentProperty()));
        exportItem.setOnAction(e -> showExport());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> root.getScene().getWindow().hide());
        MenuItem connect = new MenuItem("Connect to Archive…");
        connect.setId("connectArchive");
        connect.setOnAction(e -> showArchive());
        MenuItem clearCache = new MenuItem("Clear Archive Cache");
        clearCache.setId("clearArchiveCache");
        clearCache.setOnAction(e -> {
            vm.stopArchiveDownload();
            archive.clearCache(vm.statusProperty()::set);
        });
        connect.setVisible(archive != null);
        clearCache.setVisible(archive != null);
        Menu file = new Menu("File", null, open, openFolder, recent, connect, clearCache, exportItem, quit);
        separatedBefore = List.of(connect, exportItem, quit);

        overlayItem = new CheckMenuItem("Overlay");
        overlayItem.setSelected(true);
        overlayItem.setAccelerator(KeyCombination.keyCombination("O"));
        MenuItem fit = new MenuItem("Fit to Window");
        fit.setAccelerator(KeyCombination.keyCombination("F"));
        fit.setOnAction(e -> viewport.fit());
        MenuItem actual = new MenuItem("Actual Pixels (1:1)");
        actual.setAccelerator(KeyCombination.keyCombination("1"));
        actual.setOnAction(e -> viewport.actualSize());
        MenuItem zoomIn = new MenuItem("Zoom In");
        zoomIn.setAccelerator(KeyCombination.keyCombination("Shortcut+Plus"));
        zoomIn.setOnAction(e -> viewport.zoomBy(1.25));
        MenuItem zoomOut = new MenuItem("Zoom Out");
        zoomOut.setAccelerator(KeyCombination.keyCombination("Shortcut+Minus"));
        zoomOut.setOnAction(e -> viewport.zoomBy(0.8));
        MenuItem reset = new MenuItem("Reset View and Window");
        reset.setAccelerator(KeyCombination.keyCombination("R"));
        reset.setOnAction(e -> {
            viewport.fit();
            LoadedInstance current = vm.currentProperty().get();
            if (current != null) {
                vm.cine().load(current);
            }
        });
        Menu view = new Menu("View", null, overlayItem, fit, actual, zoomIn, zoomOut, reset);

        MenuItem keys = new MenuItem("Keyboard Shortcuts");
        keys.setId("shortcutsMenuItem");
        keys.setAccelerator(KeyCombination.keyCombination("F1"));
        keys.setOnAction(e -> ShortcutsDialog.create(root.getScene().getWindow(),
                ShortcutsDialog.gather(menus, ImageViewport.MOUSE_GESTURES)).show());
        Menu help = new Menu("Help", null, keys);
        return List.of(file, view, help);
    }

    private StatusBar statusBar() {
        StatusBar status = new StatusBar();
        status.setId("statusBar");
        status.textProperty().bind(vm.statusProperty());
        status.progressProperty().bind(Bindings.when(vm.busyProperty()).then(vm.progressProperty())
                .otherwise(0.0));
        Button cancel = new Button("Cancel scan");
        cancel.setId("cancelScan");
        // Hidden rather than taken out: the bar, which it makes taller, keeps one height whether a scan runs or not.
        cancel.visibleProperty().bind(vm.busyProperty());
        cancel.setOnAction(e -> vm.cancelScan());
        status.getRightItems().add(cancel);
        return status;
    }

    /** As tall as the status bar, whose tallest item is its Cancel button (the height is in the style sheet). */
    private static Region statusBarStandIn() {
        Region standIn = new Region();
        standIn.getStyleClass().add("status-bar-stand-in");
        return standIn;
    }

    private void chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open DICOM files");
        List<File> files = chooser.showOpenMultipleDialog(root.getScene().getWindow());
        if (files != null) {
            vm.open(files.stream().map(File::toPath).toList());
        }
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder of exams");
        File dir = chooser.showDialog(root.getScene().getWindow());
        if (dir != null) {
            vm.open(List.of(dir.toPath()));
        }
    }

    /** File › Connect to Archive…: the archive dialog, made on first use. */
    void showArchive() {
        if (archive == null) {
            return;
        }
        if (archiveDialog == null) {
            archiveDialog = new ArchiveDialog(root.getScene().getWindow(), archive, archives);
        }
        archiveDialog.show();
    }

    ArchiveDialog archiveDialog() {
        return archiveDialog;
    }

    /** File › Export… for the cine on screen. */
    void showExport() {
        LoadedInstance shown = vm.currentProperty().get();
        if (shown == null || !shown.hasImage()) {
            return;
        }
        if (exportDialog == null) {
            exportDialog = new ExportDialog(root.getScene().getWindow(), vm.export(),
                    // The measurements belong to the image on screen: none for another the dialog still exports.
                    image -> image == vm.currentProperty().get() ? measure.marks() : List.of(),
                    browserModel::studyFiles);
        }
        exportDialog.show(shown);
    }

    ExportDialog exportDialog() {
        return exportDialog;
    }

    MenuItem exportItem() {
        return exportItem;
    }

    ImageViewport viewport() {
        return viewport;
    }

    BrowserPane browser() {
        return browser;
    }

    BrowserViewModel browserModel() {
        return browserModel;
    }

    SidePanels panels() {
        return panels;
    }

    public void stop() {
        pulse.stop();
        rest().stop();
    }
}
