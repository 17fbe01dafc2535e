package org.sonocine.study.measure;

import java.util.List;

/** The area enclosed by a closed polygon (the last point joins the first); cm2, mm2 or px2. */
public record PolygonArea(Scale scale, Quantity area) {

    public static PolygonArea of(Calibration calibration, List<PixelPoint> vertices) {
        if (vertices.size() < 3) {
            throw new MeasurementException("an area needs at least 3 points, got " + vertices.size());
        }
        Scale scale = calibration.scaleFor(vertices);
        scale.requireSameLengthUnit("an area");
        double pixels = Math.abs(shoelace(vertices));
        double area = pixels * Math.abs(scale.x().delta() * scale.y().delta());
        return new PolygonArea(scale, new Quantity(area, scale.x().unit() + "2"));
    }

    /** Twice-halved signed area in pixels (positive when the vertices run counter-clockwise on a y-up grid). */
    static double shoelace(List<PixelPoint> vertices) {
        double sum = 0;
        int n = vertices.size();
        for (int i = 0; i < n; i++) {
            PixelPoint a = vertices.get(i);
            PixelPoint b = vertices.get((i + 1) % n);
            sum += a.x() * b.y() - b.x() * a.y();
        }
        return sum / 2;
    }
}
