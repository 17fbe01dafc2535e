package org.sonocine.study.measure;

/**
 * A point in the stored pixel grid: column then row, 0-based, pixel centres at whole numbers. Fractions are allowed
 * so that a point placed on a zoomed image keeps its position.
 */
public record PixelPoint(double x, double y) {
    public PixelPoint {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("a point needs finite coordinates, got " + x + "," + y);
        }
    }
}
