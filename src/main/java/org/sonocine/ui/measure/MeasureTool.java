package org.sonocine.ui.measure;

/**
 * The measuring tools. Tools with a fixed number of points are drawn by pressing at the first and releasing at the
 * last (a single click for one point); traces take a point per click and end with a double-click or Enter.
 */
public enum MeasureTool {
    DISTANCE("Distance", 2),
    TRACE("Trace length", 0),
    ELLIPSE("Ellipse area", 2),
    POLYGON("Polygon area", 0),
    POINT("Point", 1),
    TIME("Time interval and heart rate", 2),
    VELOCITY("Velocity and pressure gradient", 1),
    SLOPE("Slope", 2),
    VTI("Velocity-time integral", 0);

    private final String title;
    private final int points;

    MeasureTool(String title, int points) {
        this.title = title;
        this.points = points;
    }

    public String title() {
        return title;
    }

    /** The points it takes, or 0 for as many as the user clicks (at least two; three for a polygon). */
    public int points() {
        return points;
    }

    public boolean isTrace() {
        return points == 0;
    }

    /** The fewest points that make a measurement. */
    public int minimumPoints() {
        return this == POLYGON ? 3 : Math.max(1, points == 0 ? 2 : points);
    }
}
