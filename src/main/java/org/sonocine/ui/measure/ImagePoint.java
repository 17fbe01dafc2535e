package org.sonocine.ui.measure;

/**
 * A position in the stored pixel grid: column then row, with whole numbers at pixel centres (0, 0 is the centre of
 * the top-left pixel), as the {@code measure} command takes them.
 */
public record ImagePoint(double x, double y) {
    public double distanceTo(ImagePoint other) {
        return Math.hypot(other.x - x, other.y - y);
    }
}
