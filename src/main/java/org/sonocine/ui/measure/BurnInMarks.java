package org.sonocine.ui.measure;

import org.sonocine.export.BurnIn;

import java.util.List;

/** Measurements as marks to draw into exported frames, with the values the viewer shows beside them. */
public final class BurnInMarks {
    private BurnInMarks() {
    }

    public static List<BurnIn.Mark> of(List<Measurement> measurements, MeasurementReader reader) {
        return measurements.stream().map(m -> mark(m, reader)).toList();
    }

    static BurnIn.Mark mark(Measurement m, MeasurementReader reader) {
        double[] points = new double[m.points().size() * 2];
        for (int i = 0; i < m.points().size(); i++) {
            // Measurements hold pixel centres; marks take the top-left corner of the image as the origin.
            points[2 * i] = m.points().get(i).x() + 0.5;
            points[2 * i + 1] = m.points().get(i).y() + 0.5;
        }
        return new BurnIn.Mark(shape(m.tool()), points, reader.read(m).text(),
                m.onAllFrames() ? BurnIn.Mark.ALL_FRAMES : m.frame());
    }

    private static BurnIn.Shape shape(MeasureTool tool) {
        return switch (tool) {
            case ELLIPSE -> BurnIn.Shape.ELLIPSE;
            case POLYGON -> BurnIn.Shape.POLYGON;
            case POINT, VELOCITY -> BurnIn.Shape.CROSS;
            default -> BurnIn.Shape.LINE;
        };
    }
}
