package org.sonocine.study.measure;

import java.util.List;

/** The length along a traced line (a polyline through the points in order); cm, mm or px. */
public record TraceLength(Scale scale, Quantity length) {

    public static TraceLength of(Calibration calibration, List<PixelPoint> points) {
        if (points.size() < 2) {
            throw new MeasurementException("a trace needs at least 2 points, got " + points.size());
        }
        Scale scale = calibration.scaleFor(points);
        scale.requireSameLengthUnit("a length");
        double length = 0;
        for (int i = 1; i < points.size(); i++) {
            PixelPoint a = points.get(i - 1);
            PixelPoint b = points.get(i);
            length += Math.hypot(scale.x().difference(a.x(), b.x()), scale.y().difference(a.y(), b.y()));
        }
        return new TraceLength(scale, new Quantity(length, scale.x().unit()));
    }
}
