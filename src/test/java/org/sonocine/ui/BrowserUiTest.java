package org.sonocine.ui;

import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomWriter;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;
import org.sonocine.study.InstanceEntry;
import org.sonocine.ui.browser.BrowserNode;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exam browser as a user meets it: the order of what a scan finds, clicks and Enter, a selection that follows. */
@ExtendWith(ApplicationExtension.class)
class BrowserUiTest {
    private static final String RECENT_NODE = "org/sonocine/test-browser-recent";
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private TestWindow test;
    private ViewerViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        test = TestWindow.show(stage, System::nanoTime, RECENT_NODE, 1200, 800, true);
        vm = test.vm;
        window = test.window;
    }

    @AfterEach
    void stop() throws Exception {
        test.close();
    }

    /** An 8 × 8 greyscale ultrasound image placed in a patient, study and series (no time or number when empty). */
    private record Image(String file, String patient, String study, String date, String time, String description,
                         String series, String seriesNumber, String instanceNumber) {
        void write(Path dir) throws IOException {
            Attributes ds = new Attributes(false, 32);
            ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.6.1");
            ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.4711" + Math.abs(file.hashCode()));
            ds.setString(Tag.StudyDate, VR.DA, date);
            ds.setString(Tag.StudyTime, VR.TM, time);
            ds.setString(Tag.Modality, VR.CS, "US");
            ds.setString(Tag.StudyDescription, VR.LO, description);
            ds.setString(Tag.PatientName, VR.PN, patient);
            ds.setString(Tag.PatientID, VR.LO, patient.toUpperCase() + "-1");
            ds.setString(Tag.StudyInstanceUID, VR.UI, "2.25.100" + Math.abs(study.hashCode()));
            ds.setString(Tag.SeriesInstanceUID, VR.UI, "2.25.200" + Math.abs(series.hashCode()));
            ds.setString(Tag.SeriesNumber, VR.IS, seriesNumber);
            ds.setString(Tag.InstanceNumber, VR.IS, instanceNumber);
            ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
            ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
            ds.setInt(Tag.Rows, VR.US, 8);
            ds.setInt(Tag.Columns, VR.US, 8);
            ds.setInt(Tag.BitsAllocated, VR.US, 8);
            ds.setInt(Tag.BitsStored, VR.US, 8);
            ds.setInt(Tag.HighBit, VR.US, 7);
            ds.setInt(Tag.PixelRepresentation, VR.US, 0);
            byte[] pixels = new byte[64];
            java.util.Arrays.fill(pixels, (byte) (file.hashCode() & 0x7F));
            ds.setBytes(Tag.PixelData, VR.OB, pixels);
            new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).writeFile(dir.resolve(file), ds);
        }
    }

    /**
     * Three patients whose files are named so that the order found on disk is not the order a reader expects:
     * adams has two studies on one day, one undated, and series 700, 2 and 1 with instances 7, 4 and 2.
     */
    private static final List<Image> EXAMS = List.of(
            new Image("a.dcm", "zed", "z-study", "20230101", "0900", "Old", "z-series", "3", "2"),
            new Image("b.dcm", "zed", "z-study", "20230101", "0900", "Old", "z-series", "3", "1"),
            new Image("c.dcm", "Adams", "morning", "20240505", "", "Newer", "m-series", "1", "1"),
            new Image("d.dcm", "Adams", "undated", "", "", "Carotid", "u-series", "", "1"),
            new Image("e.dcm", "Adams", "later", "20240505", "163000", "Later same day", "l-700", "700", "1"),
            new Image("f.dcm", "Adams", "later", "20240505", "163000", "Later same day", "l-2", "2", "7"),
            new Image("g.dcm", "Adams", "later", "20240505", "163000", "Later same day", "l-2", "2", "4"),
            new Image("h.dcm", "Adams", "later", "20240505", "163000", "Later same day", "l-2", "2", "2"),
            new Image("i.dcm", "Adams", "later", "20240505", "163000", "Later same day", "l-1", "1", "1"),
            new Image("j.dcm", "baker", "b-study", "20220202", "1200", "", "b-series", "1", "1"));

    private static void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (Exception e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }

    /** Scans the exams written to {@code dir} and waits until the first image found is on display. */
    private Path scanExams(FxRobot robot, Path dir) throws IOException {
        for (Image image : EXAMS) {
            image.write(dir);
        }
        robot.interact(() -> vm.open(List.of(dir)));
        waitUntil("every file is listed", () -> vm.instances().size() == EXAMS.size() && !vm.busyProperty().get());
        waitUntil("the first image found is shown", () -> vm.currentProperty().get() != null
                && vm.loadingPath().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        return dir;
    }

    private boolean showing(Path file) {
        return vm.currentProperty().get() != null && vm.currentProperty().get().path().equals(file)
                && vm.loadingPath().isEmpty();
    }

    private static List<String> labels(TreeItem<BrowserNode> item) {
        return item.getChildren().stream().map(child -> child.getValue().label()).toList();
    }

    private TreeView<BrowserNode> tree() {
        return window.browser().tree();
    }

    private TreeItem<BrowserNode> child(TreeItem<BrowserNode> parent, String label) {
        return parent.getChildren().stream().filter(i -> i.getValue().label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError(label + " not among " + labels(parent)));
    }

    private static TreeCell<?> treeCell(FxRobot robot, String label) {
        return onFx(() -> robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                .filter(cell -> label.equals(cell.getText())).findFirst())
                .orElseThrow(() -> new AssertionError("no row shows " + label));
    }

    /**
     * The row of the first node labelled {@code label}, scrolled into view as little as it takes and laid out at
     * once: how many rows the tree shows depends on the window's layout, and a scan scrolls the last patient it
     * found into view.
     */
    private TreeCell<?> rowToClick(FxRobot robot, String label) {
        TreeItem<BrowserNode> item = onFx(() -> IntStream.range(0, tree().getExpandedItemCount())
                .mapToObj(row -> tree().getTreeItem(row)).filter(i -> label.equals(i.getValue().label()))
                .findFirst()).orElseThrow(() -> new AssertionError("no node is labelled " + label));
        return rowToClick(robot, item);
    }

    private TreeCell<?> rowToClick(FxRobot robot, TreeItem<BrowserNode> item) {
        robot.interact(() -> {
            ((VirtualFlow<?>) tree().lookup(".virtual-flow")).scrollTo(tree().getRow(item));
            tree().layout();
        });
        return treeCell(robot, item);
    }

    private static TreeCell<?> treeCell(FxRobot robot, TreeItem<BrowserNode> item) {
        return onFx(() -> robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                .filter(cell -> cell.getTreeItem() == item).findFirst())
                .orElseThrow(() -> new AssertionError("no row shows " + item.getValue()));
    }

    /** Adams' study of the afternoon, which holds series 1, 2 and 700. */
    private TreeItem<BrowserNode> laterStudy() {
        return child(child(tree().getRoot(), "Adams · ADAMS-1"), "2024-05-05 16:30 · Later same day");
    }

    private static <T> T onFx(Callable<T> query) {
        try {
            return WaitForAsyncUtils.asyncFx(query).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the window could not be read", e);
        }
    }

    /**
     * The thumbnails in view in the order they are seen: row by row, left to right. Read on the FX thread, which
     * could otherwise lay the grid out while the cells are sorted by their places.
     */
    private static List<IndexedCell<InstanceEntry>> thumbnailsInView(FxRobot robot) {
        return onFx(() -> thumbnailsInViewNow(robot));
    }

    @SuppressWarnings("unchecked")
    private static List<IndexedCell<InstanceEntry>> thumbnailsInViewNow(FxRobot robot) {
        return robot.lookup("#instanceGrid .instance-cell").queryAll().stream()
                .map(n -> (IndexedCell<InstanceEntry>) n).filter(cell -> cell.getItem() != null && cell.isVisible())
                .sorted(java.util.Comparator.comparingDouble((Node n) -> n.localToScene(0, 0).getY())
                        .thenComparingDouble(n -> n.localToScene(0, 0).getX()))
                .toList();
    }

    /**
     * Every thumbnail of the series shown, first to last, as its file and caption ("h.dcm #2"). The grid is
     * scrolled down through them, and laid out at once: how many rows it shows depends on the window's layout. A
     * place seen with two thumbnails in turn is listed as "one then other".
     */
    private List<String> thumbnails(FxRobot robot) {
        Map<Integer, String> seen = new TreeMap<>();
        for (InstanceEntry instance : onFx(() -> List.copyOf(window.browserModel().shownInstances()))) {
            robot.interact(() -> {
                window.browser().grid().scrollIntoView(instance);
                window.browser().grid().layout();
            });
            robot.interact(() -> thumbnailsInViewNow(robot).forEach(cell -> seen.merge(cell.getIndex(),
                    cell.getItem().path().getFileName() + " " + ((Label) cell.lookup(".caption")).getText(),
                    (was, now) -> was.equals(now) ? was : was + " then " + now)));
        }
        return List.copyOf(seen.values());
    }

    /** The thumbnail of {@code file}, scrolled into view and laid out. */
    private IndexedCell<InstanceEntry> thumbnail(FxRobot robot, String file) {
        robot.interact(() -> {
            window.browserModel().shownInstances().stream()
                    .filter(instance -> instance.path().getFileName().toString().equals(file)).findFirst()
                    .ifPresent(window.browser().grid()::scrollIntoView);
            window.browser().grid().layout();
        });
        return thumbnailsInView(robot).stream()
                .filter(c -> c.getItem().path().getFileName().toString().equals(file))
                .findFirst().orElseThrow(() -> new AssertionError("no thumbnail of " + file));
    }

    @Test
    void aScannedFolderIsListedInTheOrderAReaderExpects(FxRobot robot, @TempDir Path dir) throws IOException {
        scanExams(robot, dir);
        TreeItem<BrowserNode> root = tree().getRoot();

        assertThat(labels(root)).containsExactly("Adams · ADAMS-1", "baker · BAKER-1", "zed · ZED-1");
        TreeItem<BrowserNode> adams = root.getChildren().get(0);
        assertThat(labels(adams)).containsExactly("2024-05-05 16:30 · Later same day", "2024-05-05 · Newer",
                "Undated study · Carotid");
        TreeItem<BrowserNode> later = adams.getChildren().get(0);
        assertThat(labels(later)).containsExactly("Series 1 · US · 1 instance", "Series 2 · US · 3 instances",
                "Series 700 · US · 1 instance");
        assertThat(labels(adams.getChildren().get(2))).containsExactly("Series ? · US · 1 instance");

        robot.clickOn(rowToClick(robot, "Series 2 · US · 3 instances"));
        waitUntil("the series' thumbnails are shown", () -> thumbnails(robot).size() == 3);
        assertThat(thumbnails(robot)).containsExactly("h.dcm #2", "g.dcm #4", "f.dcm #7");
    }

    @Test
    void openingAFolderAndAFileOfItAgainAddsNoSecondEntry(FxRobot robot, @TempDir Path dir) throws IOException {
        scanExams(robot, dir);
        Files.writeString(dir.resolve("notes.dcm"), "DICM? no");
        robot.interact(() -> vm.open(List.of(dir)));
        waitUntil("the second scan ends", () -> !vm.busyProperty().get());
        robot.interact(() -> vm.open(List.of(dir.resolve("g.dcm"), dir)));
        waitUntil("the third scan ends and g.dcm is shown", () -> !vm.busyProperty().get()
                && showing(dir.resolve("g.dcm")));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(labels(laterStudy())).containsExactly("Series 1 · US · 1 instance", "Series 2 · US · 3 instances",
                "Series 700 · US · 1 instance");
        waitUntil("the series' thumbnails are shown", () -> thumbnails(robot).size() == 3);
        assertThat(thumbnails(robot)).containsExactly("h.dcm #2", "g.dcm #4", "f.dcm #7");
        assertEquals("1 file skipped (not DICOM)", robot.lookup("#skippedLabel").queryAs(Label.class).getText());
    }

    @Test
    void oneClickOnAThumbnailOpensThatImage(FxRobot robot, @TempDir Path dir) throws IOException {
        scanExams(robot, dir);
        assertEquals("Click an image to open it", robot.lookup("#browserHint").queryAs(Label.class).getText());
        robot.clickOn(rowToClick(robot, "Series 2 · US · 3 instances"));
        waitUntil("the series' first image is shown", () -> showing(dir.resolve("h.dcm")));

        robot.clickOn(thumbnail(robot, "g.dcm"));

        waitUntil("the clicked image is shown", () -> showing(dir.resolve("g.dcm")));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(thumbnail(robot, "g.dcm").getPseudoClassStates().contains(SELECTED));
    }

    @Test
    void aDoubleClickOpensTheImageOnce(FxRobot robot, @TempDir Path dir) throws IOException {
        scanExams(robot, dir);
        robot.clickOn(rowToClick(robot, "Series 2 · US · 3 instances"));
        waitUntil("the series' first image is shown", () -> showing(dir.resolve("h.dcm")));
        List<Path> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> vm.currentProperty().addListener((o, was, now) -> shown.add(now.path())));

        robot.doubleClickOn(thumbnail(robot, "g.dcm"));
        waitUntil("the image is shown", () -> showing(dir.resolve("g.dcm")));
        robot.doubleClickOn(rowToClick(robot, "Series 2 · US · 3 instances"));
        waitUntil("the series' first image is shown again", () -> showing(dir.resolve("h.dcm")));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shown).as("each double-click loads its file once").containsExactly(dir.resolve("g.dcm"),
                dir.resolve("h.dcm"));
    }

    @Test
    void oneClickOnASeriesOpensItsFirstImage(FxRobot robot, @TempDir Path dir) throws IOException {
        scanExams(robot, dir);

        robot.clickOn(rowToClick(robot, "zed · ZED-1"));
        waitUntil("zed's first image, instance 1, is shown", () -> showing(dir.resolve("b.dcm")));
        robot.clickOn(rowToClick(robot, "Series 2 · US · 3 instances"));

        waitUntil("instance 2 of series 2 is shown", () -> showing(dir.resolve("h.dcm")));
    }

    @Test
    void enterOpensTheSelectedSeriesWhereArrowKeysOnlyShowIt(FxRobot robot, @TempDir Path dir) throws IOException {
        scanExams(robot, dir);
        robot.clickOn(rowToClick(robot, child(laterStudy(), "Series 1 · US · 1 instance")));
        waitUntil("series 1 is open", () -> showing(dir.resolve("i.dcm")));

        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Series 2 · US · 3 instances", tree().getSelectionModel().getSelectedItem().getValue().label());
        assertThat(thumbnails(robot)).hasSize(3);
        assertTrue(showing(dir.resolve("i.dcm")), "moving the selection opens nothing");

        robot.type(KeyCode.ENTER);
        waitUntil("Enter opens series 2's first image", () -> showing(dir.resolve("h.dcm")));
    }

    @Test
    void theSelectionFollowsAFileOpenedElsewhere(FxRobot robot, @TempDir Path dir) throws IOException {
        scanExams(robot, dir);
        Path file = dir.resolve("g.dcm");

        robot.interact(() -> vm.open(List.of(file)));
        waitUntil("the file is shown", () -> showing(file));
        WaitForAsyncUtils.waitForFxEvents();

        TreeItem<BrowserNode> selected = tree().getSelectionModel().getSelectedItem();
        assertSame(child(laterStudy(), "Series 2 · US · 3 instances"), selected);
        assertEquals(file, window.browserModel().selectedInstanceProperty().get().path());
        assertTrue(thumbnail(robot, "g.dcm").getPseudoClassStates().contains(SELECTED));
        assertThat(thumbnailsInView(robot).stream().filter(c -> c.getPseudoClassStates().contains(SELECTED)))
                .as("one thumbnail is selected").hasSize(1);
        assertEquals(EXAMS.size(), vm.instances().size(), "opening a listed file again lists it once");
    }

    @Test
    void aNewlyFoundPatientScrollsIntoViewWithoutTakingTheSelection(FxRobot robot, @TempDir Path dir)
            throws IOException {
        Path many = Files.createDirectories(dir.resolve("many"));
        for (int i = 0; i < 30; i++) {
            String name = String.format("patient %02d", i * 2);
            new Image("p" + i + ".dcm", name, "s" + i, "20240101", "", "", "r" + i, "1", "1").write(many);
        }
        robot.interact(() -> vm.open(List.of(many)));
        waitUntil("every patient is listed", () -> vm.instances().size() == 30 && !vm.busyProperty().get()
                && vm.currentProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> tree().scrollTo(0));
        TreeItem<BrowserNode> selected = tree().getSelectionModel().getSelectedItem();

        // No image in it, so nothing is opened and only the arrival of the patient can move the tree.
        Path late = Files.createDirectories(dir.resolve("late"));
        Attributes report = new Attributes(false, 16);
        report.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.88.11");
        report.setString(Tag.SOPInstanceUID, VR.UI, "2.25.99");
        report.setString(Tag.PatientName, VR.PN, "patient 51");
        report.setString(Tag.StudyInstanceUID, VR.UI, "2.25.98");
        report.setString(Tag.SeriesInstanceUID, VR.UI, "2.25.97");
        new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).writeFile(late.resolve("report.dcm"), report);
        robot.interact(() -> vm.open(List.of(late)));
        waitUntil("the new patient is listed", () -> vm.instances().size() == 31 && !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        TreeCell<?> row = treeCell(robot, "patient 51");
        Bounds inTree = tree().sceneToLocal(row.localToScene(row.getLayoutBounds()));
        assertThat(inTree.getMinY()).isGreaterThanOrEqualTo(0);
        assertThat(inTree.getMaxY()).isLessThanOrEqualTo(tree().getHeight());
        assertSame(selected, tree().getSelectionModel().getSelectedItem(), "the selection stays where it was");
        assertThat(tree().getRow(child(tree().getRoot(), "patient 51"))).as("it is far down the list")
                .isGreaterThan(60);
    }
}
