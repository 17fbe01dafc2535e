package org.sonocine.ui.measure;

import org.sonocine.export.BurnIn;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * The measurements of the open instance and the one being drawn, driven by pointer events in image coordinates.
 * Fixed-point tools are drawn by dragging from the first point to the last, or by clicking each point; traces take
 * a point per click and end with a double-click or Enter; Esc drops the one being drawn. Pressing on a handle of a
 * shown measurement drags that point instead, whatever the tool. Toolkit-free: the layer feeds it events.
 */
public final class MeasurementsViewModel {
    private final ObservableList<Measurement> measurements = FXCollections.observableArrayList();
    private final ObjectProperty<MeasureTool> tool = new SimpleObjectProperty<>();
    private final ObjectProperty<Measurement> drawing = new SimpleObjectProperty<>();
    private final ObjectProperty<Measurement> selected = new SimpleObjectProperty<>();
    private final IntegerProperty frame = new SimpleIntegerProperty();
    private final ObjectProperty<MeasurementReader> reader = new SimpleObjectProperty<>(MeasurementReader.PIXELS);
    /** The measurement and point being dragged, while a handle is dragged. */
    private int editedIndex = -1;
    private int editedPoint = -1;
    /** A fixed-point tool whose first point was clicked rather than dragged: the next click places the next point. */
    private boolean clicking;

    public ObservableList<Measurement> measurements() {
        return measurements;
    }

    public ObjectProperty<MeasureTool> toolProperty() {
        return tool;
    }

    public ObjectProperty<Measurement> drawingProperty() {
        return drawing;
    }

    public ObjectProperty<Measurement> selectedProperty() {
        return selected;
    }

    /** The frame on screen: new measurements belong to it, and only its measurements (and held ones) show. */
    public IntegerProperty frameProperty() {
        return frame;
    }

    public ObjectProperty<MeasurementReader> readerProperty() {
        return reader;
    }

    public MeasurementReader.Reading read(Measurement m) {
        return reader.get().read(m);
    }

    /** Which calibration a measurement at {@code p} would use: shown while hovering with a tool. */
    public String describePlace(ImagePoint p) {
        return reader.get().describePlace(p, frame.get());
    }

    /** Every measurement, as marks to draw into exported frames. */
    public List<BurnIn.Mark> marks() {
        return BurnInMarks.of(measurements, reader.get());
    }

    /** The measurements shown on the current frame. */
    public List<Measurement> shown() {
        return measurements.stream().filter(m -> m.isShownOn(frame.get())).toList();
    }

    /** Whether a press at {@code p} would grab a handle: the layer then lets the press through to no pan. */
    public boolean hitsHandle(ImagePoint p, double tolerance) {
        return handleAt(p, tolerance) != null;
    }

    public void press(ImagePoint p, double tolerance) {
        if (drawing.get() == null) {
            int[] handle = handleAt(p, tolerance);
            if (handle != null) {
                editedIndex = handle[0];
                editedPoint = handle[1];
                selected.set(measurements.get(editedIndex));
                return;
            }
        }
        MeasureTool t = tool.get();
        if (t == null) {
            selected.set(null);
            return;
        }
        Measurement current = drawing.get();
        if (current == null) {
            List<ImagePoint> points = new ArrayList<>();
            points.add(p);
            if (t.points() != 1) {
                points.add(p);
            }
            drawing.set(new Measurement(t, points, frame.get(), false));
            clicking = false;
        } else if (t.isTrace()) {
            List<ImagePoint> points = new ArrayList<>(current.points());
            points.set(points.size() - 1, p);
            points.add(p);
            drawing.set(new Measurement(t, points, current.frame(), false));
        } else if (clicking) {
            drawing.set(current.withPoint(current.points().size() - 1, p));
        }
    }

    /** The pointer moved with the button held. */
    public void drag(ImagePoint p) {
        if (editedIndex >= 0) {
            Measurement moved = measurements.get(editedIndex).withPoint(editedPoint, p);
            measurements.set(editedIndex, moved);
            selected.set(moved);
            return;
        }
        follow(p);
    }

    /** The pointer moved with no button held: the rubber band of a trace or of a clicked caliper follows it. */
    public void move(ImagePoint p) {
        if (editedIndex < 0) {
            follow(p);
        }
    }

    private void follow(ImagePoint p) {
        Measurement current = drawing.get();
        if (current != null && current.points().size() > 1) {
            drawing.set(current.withPoint(current.points().size() - 1, p));
        }
    }

    public void release(ImagePoint p, double tolerance) {
        if (editedIndex >= 0) {
            editedIndex = -1;
            editedPoint = -1;
            return;
        }
        Measurement current = drawing.get();
        if (current == null || current.tool().isTrace()) {
            return;
        }
        if (current.tool().points() == 1) {
            finish(current);
            return;
        }
        List<ImagePoint> points = current.points();
        boolean dragged = points.get(0).distanceTo(p) > tolerance;
        if (dragged || clicking) {
            finish(current.withPoint(points.size() - 1, p));
        } else {
            // A click, not a drag: the second point comes with the next click.
            clicking = true;
        }
    }

    /** A double-click ends a trace (its last click already placed the final point). */
    public void doubleClick() {
        endTrace();
    }

    /** Enter ends a trace. */
    public void enter() {
        endTrace();
    }

    private void endTrace() {
        Measurement current = drawing.get();
        if (current == null || !current.tool().isTrace()) {
            return;
        }
        List<ImagePoint> points = new ArrayList<>(current.points());
        // The last point is the rubber band under the pointer; drop repeats from the double-click too.
        points.remove(points.size() - 1);
        for (int i = points.size() - 1; i > 0; i--) {
            if (points.get(i).distanceTo(points.get(i - 1)) < 1e-9) {
                points.remove(i);
            }
        }
        if (points.size() >= current.tool().minimumPoints()) {
            finish(new Measurement(current.tool(), points, current.frame(), false));
        } else {
            drawing.set(null);
        }
    }

    private void finish(Measurement m) {
        drawing.set(null);
        clicking = false;
        measurements.add(m);
        selected.set(m);
    }

    /** Esc: drops the measurement being drawn; with none, leaves the tool. */
    public void escape() {
        if (drawing.get() != null) {
            drawing.set(null);
            clicking = false;
        } else {
            tool.set(null);
        }
    }

    public void deleteSelected() {
        Measurement m = selected.get();
        if (m != null) {
            measurements.remove(m);
            selected.set(null);
        }
    }

    /** Shows the selected measurement on every frame, or on its own frame only. */
    public void holdSelectedOnAllFrames(boolean hold) {
        Measurement m = selected.get();
        int i = measurements.indexOf(m);
        if (i >= 0) {
            Measurement held = m.heldOnAllFrames(hold);
            measurements.set(i, held);
            selected.set(held);
        }
    }

    /** Forgets every measurement: another instance is shown. */
    public void clear() {
        drawing.set(null);
        clicking = false;
        editedIndex = -1;
        selected.set(null);
        measurements.clear();
    }

    /** The measurement index and point index of the handle nearest {@code p} within {@code tolerance}, or null. */
    private int[] handleAt(ImagePoint p, double tolerance) {
        int[] best = null;
        double bestDistance = tolerance;
        for (int i = 0; i < measurements.size(); i++) {
            Measurement m = measurements.get(i);
            if (!m.isShownOn(frame.get())) {
                continue;
            }
            for (int j = 0; j < m.points().size(); j++) {
                double d = m.points().get(j).distanceTo(p);
                if (d <= bestDistance) {
                    bestDistance = d;
                    best = new int[] {i, j};
                }
            }
        }
        return best;
    }
}
