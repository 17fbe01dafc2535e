package org.sonocine.ui.measure;

import java.util.List;

/**
 * One measurement: a tool, its points in image coordinates, and the frame it was made on (shown on that frame
 * only, unless held on all frames). Immutable: editing makes a new one.
 */
public record Measurement(MeasureTool tool, List<ImagePoint> points, int frame, boolean onAllFrames) {
    public Measurement {
        points = List.copyOf(points);
    }

    public boolean isShownOn(int shownFrame) {
        return onAllFrames || frame == shownFrame;
    }

    public Measurement withPoint(int index, ImagePoint p) {
        var moved = new java.util.ArrayList<>(points);
        moved.set(index, p);
        return new Measurement(tool, moved, frame, onAllFrames);
    }

    public Measurement heldOnAllFrames(boolean hold) {
        return new Measurement(tool, points, frame, hold);
    }
}
