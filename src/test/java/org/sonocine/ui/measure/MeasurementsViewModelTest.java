package org.sonocine.ui.measure;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drawing and editing measurements with pointer events, no toolkit. */
class MeasurementsViewModelTest {
    private static final double TOLERANCE = 3;
    private final MeasurementsViewModel vm = new MeasurementsViewModel();

    private static ImagePoint at(double x, double y) {
        return new ImagePoint(x, y);
    }

    @Test
    void aDragDrawsADistanceOnTheShownFrame() {
        vm.toolProperty().set(MeasureTool.DISTANCE);
        vm.frameProperty().set(7);
        vm.press(at(10, 10), TOLERANCE);
        vm.drag(at(40, 50));
        vm.release(at(40, 50), TOLERANCE);

        assertThat(vm.measurements()).containsExactly(
                new Measurement(MeasureTool.DISTANCE, List.of(at(10, 10), at(40, 50)), 7, false));
        assertEquals("50.0 px", vm.read(vm.measurements().get(0)).text());
        assertNull(vm.drawingProperty().get());
    }

    @Test
    void twoClicksDrawADistanceToo() {
        vm.toolProperty().set(MeasureTool.DISTANCE);
        vm.press(at(10, 10), TOLERANCE);
        vm.release(at(10, 10), TOLERANCE);
        vm.move(at(20, 10));
        assertEquals(at(20, 10), vm.drawingProperty().get().points().get(1), "the rubber band follows");
        vm.press(at(30, 10), TOLERANCE);
        vm.release(at(30, 10), TOLERANCE);

        assertEquals(List.of(at(10, 10), at(30, 10)), vm.measurements().get(0).points());
    }

    @Test
    void aTraceTakesAPointPerClickAndEndsWithEnter() {
        vm.toolProperty().set(MeasureTool.TRACE);
        for (ImagePoint p : List.of(at(0, 0), at(3, 4), at(6, 8))) {
            vm.press(p, TOLERANCE);
            vm.release(p, TOLERANCE);
        }
        vm.move(at(100, 100));
        vm.enter();

        assertEquals(List.of(at(0, 0), at(3, 4), at(6, 8)), vm.measurements().get(0).points());
        assertEquals("10.0 px", vm.read(vm.measurements().get(0)).text());
    }

    @Test
    void aDoubleClickEndsATraceWithoutARepeatedPoint() {
        vm.toolProperty().set(MeasureTool.POLYGON);
        for (ImagePoint p : List.of(at(0, 0), at(10, 0), at(10, 10), at(10, 10))) {
            vm.press(p, TOLERANCE);
            vm.release(p, TOLERANCE);
        }
        vm.doubleClick();

        assertEquals(List.of(at(0, 0), at(10, 0), at(10, 10)), vm.measurements().get(0).points());
    }

    @Test
    void aPolygonOfTwoPointsIsNotKept() {
        vm.toolProperty().set(MeasureTool.POLYGON);
        for (ImagePoint p : List.of(at(0, 0), at(10, 0))) {
            vm.press(p, TOLERANCE);
            vm.release(p, TOLERANCE);
        }
        vm.enter();

        assertThat(vm.measurements()).isEmpty();
        assertNull(vm.drawingProperty().get());
    }

    @Test
    void escapeDropsTheOneBeingDrawnThenLeavesTheTool() {
        vm.toolProperty().set(MeasureTool.DISTANCE);
        vm.press(at(1, 1), TOLERANCE);
        vm.escape();
        assertNull(vm.drawingProperty().get());
        assertEquals(MeasureTool.DISTANCE, vm.toolProperty().get());
        vm.escape();
        assertNull(vm.toolProperty().get());
    }

    @Test
    void draggingAHandleMovesThatPointOnly() {
        vm.toolProperty().set(MeasureTool.DISTANCE);
        vm.press(at(10, 10), TOLERANCE);
        vm.release(at(40, 10), TOLERANCE);
        vm.press(at(41, 11), TOLERANCE);
        vm.drag(at(70, 10));
        vm.release(at(70, 10), TOLERANCE);

        assertThat(vm.measurements()).hasSize(1);
        assertEquals(List.of(at(10, 10), at(70, 10)), vm.measurements().get(0).points());
        assertEquals("60.0 px", vm.read(vm.measurements().get(0)).text());
    }

    @Test
    void measurementsShowOnTheirFrameUnlessHeldOnAll() {
        vm.toolProperty().set(MeasureTool.POINT);
        vm.frameProperty().set(2);
        vm.press(at(5, 5), TOLERANCE);
        vm.release(at(5, 5), TOLERANCE);
        vm.frameProperty().set(3);
        assertThat(vm.shown()).isEmpty();
        assertTrue(!vm.hitsHandle(at(5, 5), TOLERANCE), "a measurement of another frame cannot be grabbed");

        vm.frameProperty().set(2);
        vm.holdSelectedOnAllFrames(true);
        vm.frameProperty().set(3);
        assertThat(vm.shown()).hasSize(1);
    }

    @Test
    void deleteRemovesTheSelectedMeasurement() {
        vm.toolProperty().set(MeasureTool.POINT);
        vm.press(at(5, 5), TOLERANCE);
        vm.release(at(5, 5), TOLERANCE);
        vm.press(at(9, 9), TOLERANCE);
        vm.release(at(9, 9), TOLERANCE);
        vm.deleteSelected();

        assertThat(vm.measurements()).extracting(m -> m.points().get(0)).containsExactly(at(5, 5));
    }
}
