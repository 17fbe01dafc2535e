package org.sonocine.ui;

import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.study.DemoCine;
import org.sonocine.testing.Samples;
import org.sonocine.ui.measure.ImagePoint;
import org.sonocine.ui.measure.Measurement;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Measuring with the mouse: draw a distance, read it, drag a handle, zoom and resize. */
@ExtendWith(ApplicationExtension.class)
class MeasureUiTest {
    private static final String RECENT_NODE = "org/sonocine/test-measure-recent";
    private Stage stage;
    private TestWindow test;
    private ViewerViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        test = TestWindow.show(stage, System::nanoTime, RECENT_NODE, 1400, 860, false);
        vm = test.vm;
        window = test.window;
    }

    @AfterEach
    void stop() throws BackingStoreException {
        test.close();
    }

    private void openDemo(FxRobot robot, Path dir) throws Exception {
        Path file = dir.resolve("measure.dcm");
        DemoCine.write(file);
        robot.interact(() -> vm.openInstance(file));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.currentProperty().get() != null);
        robot.interact(() -> vm.cine().pause());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The screen position of image point (x, y), as the viewer draws the image now. */
    private Point2D screen(FxRobot robot, double x, double y) {
        ImageView view = robot.lookup("#imageView").queryAs(ImageView.class);
        double px = view.getFitWidth() / DemoCine.COLUMNS;
        double py = view.getFitHeight() / DemoCine.ROWS;
        return view.localToScreen((x + 0.5) * px, (y + 0.5) * py);
    }

    private String label(FxRobot robot) {
        return robot.lookup("#measurementLayer .measurement-label").queryAs(Label.class).getText();
    }

    @Test
    void aDistanceDrawnWithTheMouseIsLabelledAndSurvivesZoomAndResize(FxRobot robot, @TempDir Path dir)
            throws Exception {
        openDemo(robot, dir);
        robot.clickOn("#toolDistance");
        robot.moveTo(screen(robot, 250, 250)).press(MouseButton.PRIMARY).moveTo(screen(robot, 400, 250))
                .release(MouseButton.PRIMARY);

        assertThat(window.measurements().measurements()).hasSize(1);
        Measurement drawn = window.measurements().measurements().get(0);
        assertEquals(250, drawn.points().get(0).x(), 1.5);
        assertEquals(400, drawn.points().get(1).x(), 1.5);
        String first = label(robot);
        assertEquals(vm.measurementReader(vm.currentProperty().get()).read(drawn).text(), first);

        robot.interact(() -> window.viewport().zoomBy(2));
        robot.interact(() -> stage.setWidth(1100));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(first, label(robot), "zoom and resize change the picture, not the measurement");
        assertThat(first).endsWith(" cm");
        assertEquals(4.5, Double.parseDouble(first.split(" ")[0]), 0.05, "150 pixels of 0.03 cm in the demo's sector");
        assertEquals(drawn, window.measurements().measurements().get(0));

        robot.moveTo(screen(robot, 400, 250)).press(MouseButton.PRIMARY).moveTo(screen(robot, 300, 250))
                .release(MouseButton.PRIMARY);
        assertNotEquals(first, label(robot), "dragging a handle changes the value");
        assertEquals(300, window.measurements().measurements().get(0).points().get(1).x(), 2);
    }

    @Test
    void aDistanceOnARealSampleUsesItsRegionsScale(FxRobot robot) throws Exception {
        // examples_ybr_color.dcm: one 2D region over the image, 0.051049705594778061 cm per pixel both ways.
        Path sample = Samples.file("examples_ybr_color.dcm");
        robot.interact(() -> vm.openInstance(sample));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.currentProperty().get() != null);
        robot.interact(() -> vm.cine().pause());
        WaitForAsyncUtils.waitForFxEvents();
        ImageView view = robot.lookup("#imageView").queryAs(ImageView.class);
        double px = view.getFitWidth() / vm.currentProperty().get().info().columns();
        double py = view.getFitHeight() / vm.currentProperty().get().info().rows();
        robot.clickOn("#toolDistance");
        robot.moveTo(view.localToScreen(100.5 * px, 100.5 * py)).press(MouseButton.PRIMARY)
                .moveTo(view.localToScreen(200.5 * px, 100.5 * py)).release(MouseButton.PRIMARY);

        String label = label(robot);
        assertThat(label).endsWith(" cm");
        assertEquals(100 * 0.051049705594778061, Double.parseDouble(label.split(" ")[0]), 0.1);
        assertEquals("region 1", vm.measurementReader(vm.currentProperty().get())
                .read(window.measurements().measurements().get(0)).source());
    }

    @Test
    void theListsContextMenuHoldsAMeasurementOnEveryFrame(FxRobot robot, @TempDir Path dir) throws Exception {
        openDemo(robot, dir);
        robot.clickOn("#toolDistance");
        robot.moveTo(screen(robot, 250, 250)).press(MouseButton.PRIMARY).moveTo(screen(robot, 350, 250))
                .release(MouseButton.PRIMARY);
        robot.type(KeyCode.ESCAPE);
        robot.interact(() -> vm.cine().step(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#measurementLayer .measurement-label").queryAll()).as("made on frame 1 only")
                .isEmpty();

        robot.clickOn("#measurementsTab");
        javafx.scene.control.TableView<?> table = robot.lookup("#measurementTable").queryAs(
                javafx.scene.control.TableView.class);
        robot.interact(() -> table.getSelectionModel().select(0));
        // The headless toolkit sends no context-menu request for a right click: show the table's menu as one would.
        robot.interact(() -> table.getContextMenu().show(table, javafx.geometry.Side.BOTTOM, 0, 0));
        robot.clickOn("Show on all frames");

        assertThat(window.measurements().measurements().get(0).onAllFrames()).isTrue();
        assertThat(robot.lookup("#measurementLayer .measurement-label").queryAll()).hasSize(1);
    }

    @Test
    void drawingPausesTheCineAndDeleteRemovesTheMeasurement(FxRobot robot, @TempDir Path dir) throws Exception {
        openDemo(robot, dir);
        robot.interact(() -> vm.cine().play());
        robot.clickOn("#toolPoint");
        robot.clickOn(screen(robot, 200, 200));

        assertFalse(vm.cine().playingProperty().get());
        assertThat(window.measurements().measurements()).extracting(m -> m.points().get(0))
                .allSatisfy(p -> assertEquals(200, ((ImagePoint) p).y(), 1.5));
        robot.type(KeyCode.DELETE);
        assertThat(window.measurements().measurements()).isEmpty();
        robot.type(KeyCode.ESCAPE);
        assertEquals(null, window.measurements().toolProperty().get());
    }
}
