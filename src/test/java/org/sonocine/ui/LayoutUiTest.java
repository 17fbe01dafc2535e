package org.sonocine.ui;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.DicomWriter;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;
import org.sonocine.testing.Samples;
import org.sonocine.ui.browser.ThumbnailService;
import org.sonocine.ui.task.PooledTaskExecutor;
import org.sonocine.ui.task.TaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The window's layout from 1024 × 640 up: panels, cine controls, menus and dialogs readable, nothing squeezed. */
@ExtendWith(ApplicationExtension.class)
class LayoutUiTest {
    private static final String RECENT_NODE = "org/sonocine/test-layout-recent";
    private ViewerViewModel vm;
    private MainWindow window;
    private Stage stage;
    private TaskExecutor tasks;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        tasks = new PooledTaskExecutor(Platform::runLater, 2);
        vm = new ViewerViewModel(tasks, System::nanoTime,
                new RecentFiles(Preferences.userRoot().node(RECENT_NODE)));
        window = new MainWindow(vm, new ThumbnailService(tasks));
        Scene scene = new Scene(window.root(), 1024, 640);
        scene.getStylesheets().add(ViewerApp.class.getResource("sonocine.css").toExternalForm());
        window.installShortcuts(scene);
        stage.setScene(scene);
        stage.setWidth(1024);
        stage.setHeight(640);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        window.stop();
        vm.close();
        tasks.close();
        Preferences.userRoot().node(RECENT_NODE).removeNode();
    }

    private static void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (Exception e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }

    private void open(FxRobot robot, Path file) {
        robot.interact(() -> vm.openInstance(file));
        waitUntil(file.getFileName() + " is open", () -> vm.currentProperty().get() != null
                && vm.currentProperty().get().path().equals(file));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void resize(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(width, window.root().getWidth(), 0.5, "the window took the width");
    }

    private static double width(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Region.class).getWidth();
    }

    /** The text a control really draws: its label after mnemonic parsing and clipping ("…"). */
    private static String shownText(Node control) {
        return control.lookupAll(".text").stream().filter(Text.class::isInstance).map(n -> ((Text) n).getText())
                .findFirst().orElse("");
    }

    private static Bounds inScene(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        return node.localToScene(node.getLayoutBounds());
    }

    @Test
    void at1024By640EveryPanelAndCineControlHasAtLeastItsMinimumWidth(FxRobot robot) throws IOException {
        open(robot, Samples.file("US1_UNCR.dcm"));
        resize(robot, 1024, 640);
        assertThat(width(robot, "#browser")).isGreaterThanOrEqualTo(MainWindow.BROWSER_MIN_WIDTH);
        assertThat(width(robot, "#notifications")).isGreaterThanOrEqualTo(MainWindow.IMAGE_MIN_WIDTH);
        assertThat(width(robot, "#viewport")).isGreaterThanOrEqualTo(MainWindow.IMAGE_MIN_WIDTH);
        assertThat(width(robot, "#details")).isGreaterThanOrEqualTo(MainWindow.DETAILS_MIN_WIDTH);
        for (String tab : List.of("Summary", "All attributes")) {
            assertThat(robot.lookup(".tab-label").queryAllAs(Label.class)).extracting(LayoutUiTest::shownText)
                    .contains(tab);
        }

        ComboBox<?> speed = robot.lookup("#speed").queryAs(ComboBox.class);
        Node shownValue = speed.lookupAll(".list-cell").stream().filter(cell -> cell.getParent() == speed)
                .findFirst().orElseThrow();
        assertEquals("×1", shownText(shownValue), "the speed box shows its value");
        ToggleButton sequencing = robot.lookup("#sequencing").queryAs(ToggleButton.class);
        assertEquals("Loop", shownText(sequencing));
        for (String button : List.of("#firstButton", "#stepBackButton", "#playButton", "#stepForwardButton",
                "#lastButton")) {
            Region b = robot.lookup(button).queryAs(Region.class);
            assertThat(b.getWidth()).as(button).isGreaterThanOrEqualTo(b.minWidth(-1)).isGreaterThanOrEqualTo(34);
        }
        assertThat(inScene(robot, "#sequencing").getMaxX()).as("the last cine control is inside the image's column")
                .isLessThanOrEqualTo(inScene(robot, "#notifications").getMaxX());
        Slider scrub = robot.lookup("#scrubBar").queryAs(Slider.class);
        Region bar = robot.lookup("#cineBar").queryAs(Region.class);
        assertEquals(bar.getWidth() - bar.getInsets().getLeft() - bar.getInsets().getRight(), scrub.getWidth(), 1,
                "the scrub bar takes the bar's whole width");

        Path shot = Path.of("target", "layout-1024x640.png");
        Files.createDirectories(shot.getParent());
        robot.interact(() -> {
            try {
                ImageIO.write(bufferedImage(window.root().snapshot(null, null)), "png", shot.toFile());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void narrowingTheWindowAndWideningItAgainGivesThePanelsBackTheirProportions(FxRobot robot) {
        open(robot, Samples.file("US1_UNCR.dcm"));
        resize(robot, 1400, 900);
        double browser = width(robot, "#browser");
        double details = width(robot, "#details");
        assertThat(browser / 1400).isCloseTo(window.panels().shares().leftShare(), within(0.01));
        assertThat(details / 1400).isCloseTo(window.panels().shares().rightShare(), within(0.01));

        resize(robot, 900, 600);
        assertThat(width(robot, "#browser")).isGreaterThanOrEqualTo(MainWindow.BROWSER_MIN_WIDTH);
        assertThat(width(robot, "#details")).isGreaterThanOrEqualTo(MainWindow.DETAILS_MIN_WIDTH);
        assertThat(width(robot, "#notifications")).isGreaterThanOrEqualTo(MainWindow.IMAGE_MIN_WIDTH);
        assertThat(inScene(robot, "#sequencing").getMaxX()).isLessThanOrEqualTo(inScene(robot, "#notifications")
                .getMaxX());

        resize(robot, 1400, 900);
        assertEquals(browser, width(robot, "#browser"), 1);
        assertEquals(details, width(robot, "#details"), 1);
    }

    private static org.assertj.core.data.Offset<Double> within(double offset) {
        return org.assertj.core.data.Offset.offset(offset);
    }

    @Test
    void switchingBetweenLoopAndSweepMovesNothing(FxRobot robot) {
        open(robot, Samples.file("examples_ybr_color.dcm"));
        resize(robot, 1024, 640);
        Bounds scrub = inScene(robot, "#scrubBar");
        Bounds speed = inScene(robot, "#speed");
        Bounds button = inScene(robot, "#sequencing");
        robot.clickOn("#sequencing");
        ToggleButton sequencing = robot.lookup("#sequencing").queryAs(ToggleButton.class);
        assertEquals("Sweep", shownText(sequencing), "the widest text fits");
        assertEquals(scrub, inScene(robot, "#scrubBar"));
        assertEquals(speed, inScene(robot, "#speed"));
        assertEquals(button, inScene(robot, "#sequencing"));
    }

    @Test
    void openRecentShowsFileNamesAsTheyAre(FxRobot robot) {
        Path file = Samples.file("YBR_422.dcm");
        vm.recent().add(file);
        robot.clickOn("File").clickOn("Open Recent");
        WaitForAsyncUtils.waitForFxEvents();
        String expected = file.toAbsolutePath().normalize().toString();
        assertThat(expected).contains("YBR_422.dcm");
        waitUntil("the recent file is listed", () -> robot.lookup(".menu-item .label").queryAllAs(Labeled.class)
                .stream().anyMatch(l -> expected.equals(shownText(l))));
        MenuBar menus = robot.lookup("#menuBar").queryAs(MenuBar.class);
        robot.interact(() -> menus.getMenus().forEach(Menu::hide));
    }

    @Test
    void keyboardShortcutsAreATableOfTheKeysThatWork(FxRobot robot) {
        robot.clickOn("Help").clickOn("Keyboard Shortcuts");
        waitUntil("the table shows", () -> robot.lookup("#shortcutsTable").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<ShortcutsDialog.Shortcut> table = robot.lookup("#shortcutsTable").queryAs(TableView.class);
        List<ShortcutsDialog.Shortcut> rows = table.getItems();
        for (CineKey key : CineKey.values()) {
            assertThat(rows).contains(new ShortcutsDialog.Shortcut(key.keys(), key.action()));
        }
        assertThat(rows).contains(new ShortcutsDialog.Shortcut("F", "View › Fit to Window"),
                new ShortcutsDialog.Shortcut("R", "View › Reset View and Window"),
                new ShortcutsDialog.Shortcut("Ctrl+O", "File › Open…"));
        assertThat(rows).containsAll(ImageViewport.MOUSE_GESTURES);
        robot.clickOn("Close");
    }

    @Test
    void theDemoIsTitledByWhatItIsNotByATemporaryName(FxRobot robot) throws IOException {
        Path demo = ViewerApp.writeDemo();
        assertEquals(ViewerApp.DEMO_NAME, demo.getFileName().toString());
        open(robot, demo);
        assertEquals("Sonocine — demo cine.dcm", stage.getTitle());
    }

    @Test
    void imageTypeBreaksOnlyBetweenValues(FxRobot robot) {
        open(robot, Samples.file("jpeg2000-multiframe-multifragments.dcm"));
        resize(robot, 1024, 640);
        List<Label> parts = robot.lookup("#metaImageType .image-type-value").queryAllAs(Label.class).stream().toList();
        assertEquals("DERIVED\\PRIMARY\\MOTION\\NONE", String.join("", parts.stream().map(Label::getText).toList()));
        for (Label part : parts) {
            assertEquals(part.getText(), shownText(part), "each value whole, on one line");
        }
    }

    @Test
    void aContentTimeShownForTheAcquisitionSaysSo(FxRobot robot, @TempDir Path dir) throws IOException {
        DicomFile source = DicomFile.open(Samples.file("US1_UNCR.dcm"));
        Attributes ds = source.dataset();
        source.close();
        ds.remove(Tag.PixelData);
        ds.remove(Tag.TimezoneOffsetFromUTC);
        ds.remove(Tag.AcquisitionDateTime);
        ds.remove(Tag.AcquisitionDate);
        ds.remove(Tag.AcquisitionTime);
        ds.setString(Tag.ContentDate, VR.DA, "20040826");
        ds.setString(Tag.ContentTime, VR.TM, "090412");
        Path file = dir.resolve("content-time-only.dcm");
        new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).writeFile(file, ds);
        open(robot, file);
        assertEquals("26 Aug 2004 09:04:12", robot.lookup("#metaAcquisition").queryAs(Label.class).getText());
        assertEquals("from Content Date and Time: the file gives no acquisition time",
                robot.lookup("#metaAcquisitionSource").queryAs(Label.class).getText());
    }

    /** The snapshot as an AWT image for ImageIO (the project does not depend on javafx-swing). */
    private static java.awt.image.BufferedImage bufferedImage(javafx.scene.image.Image image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, javafx.scene.image.PixelFormat.getIntArgbInstance(),
                argb, 0, width);
        out.setRGB(0, 0, width, height, argb, 0, width);
        return out;
    }
}
