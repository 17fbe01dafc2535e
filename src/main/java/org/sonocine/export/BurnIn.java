package org.sonocine.export;

import java.util.List;
import java.util.Objects;

/**
 * What is drawn into exported frames on top of the image, as the viewer shows it over the image: the overlay text
 * (frame number and time, rate and where it came from) and measurements with their values.
 *
 * @param overlayText whether the viewer's overlay text is drawn
 * @param marks       measurements to draw
 */
public record BurnIn(boolean overlayText, List<Mark> marks) {
    /** Nothing drawn: the frames exactly as rendered. */
    public static final BurnIn NONE = new BurnIn(false, List.of());
    /** The overlay text only, as the command line draws it. */
    public static final BurnIn OVERLAY_TEXT = new BurnIn(true, List.of());

    public BurnIn {
        marks = List.copyOf(marks);
    }

    public boolean isEmpty() {
        return !overlayText && marks.isEmpty();
    }

    /** How a mark's points are joined. */
    public enum Shape {
        /** An open line through the points. */
        LINE,
        /** A closed polygon. */
        POLYGON,
        /** The ellipse whose bounding box has the first and last points as corners. */
        ELLIPSE,
        /** A small cross at each point. */
        CROSS
    }

    /**
     * One measurement as drawn.
     *
     * @param shape  how its points are joined
     * @param points x, y pairs in image pixel coordinates (0,0 the top-left corner of the first stored pixel)
     * @param label  its value in words, drawn beside the last point; empty for none
     * @param frame  the frame it belongs to (0-based), or {@link #ALL_FRAMES}
     */
    public record Mark(Shape shape, double[] points, String label, int frame) {
        public static final int ALL_FRAMES = -1;

        public Mark {
            Objects.requireNonNull(shape);
            Objects.requireNonNull(label);
            if (points.length < 2 || points.length % 2 != 0) {
                throw new IllegalArgumentException("a mark needs x, y pairs, not " + points.length + " numbers");
            }
            points = points.clone();
        }

        public boolean isOn(int shownFrame) {
            return frame == ALL_FRAMES || frame == shownFrame;
        }

        @Override
        public double[] points() {
            return points.clone();
        }
    }
}
