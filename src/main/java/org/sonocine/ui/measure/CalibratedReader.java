package org.sonocine.ui.measure;

import org.sonocine.dicom.Attributes;
import org.sonocine.study.UltrasoundRegion;
import org.sonocine.study.measure.Calibration;
import org.sonocine.study.measure.Distance;
import org.sonocine.study.measure.EllipseArea;
import org.sonocine.study.measure.MeasurementException;
import org.sonocine.study.measure.PeakVelocity;
import org.sonocine.study.measure.PixelPoint;
import org.sonocine.study.measure.PointReadout;
import org.sonocine.study.measure.PolygonArea;
import org.sonocine.study.measure.Quantity;
import org.sonocine.study.measure.Scale;
import org.sonocine.study.measure.Slope;
import org.sonocine.study.measure.TimeInterval;
import org.sonocine.study.measure.TraceLength;
import org.sonocine.study.measure.VelocityTimeIntegral;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads measurements with the calibration of the frame they were made on (the same functions as the
 * {@code measure} command): the ultrasound region that holds all their points, else Pixel Spacing, else pixels,
 * always saying which. A measurement that cannot be made (points in two regions, an area across seconds and
 * centimetres) reads as the reason.
 */
public final class CalibratedReader implements MeasurementReader {
    private final Attributes dataset;
    private final Map<Integer, Calibration> byFrame = new HashMap<>();

    public CalibratedReader(Attributes dataset) {
        this.dataset = dataset;
    }

    @Override
    public Reading read(Measurement m) {
        Calibration calibration = calibration(m.frame());
        List<PixelPoint> points = m.points().stream().map(p -> new PixelPoint(p.x(), p.y())).toList();
        try {
            return switch (m.tool()) {
                case DISTANCE -> distance(Distance.between(calibration, points.get(0), points.get(1)));
                case TRACE -> {
                    TraceLength t = TraceLength.of(calibration, points);
                    yield reading(t.scale(), text(t.length()));
                }
                case ELLIPSE -> {
                    EllipseArea e = EllipseArea.of(calibration, points.get(0), points.get(1));
                    yield reading(e.scale(), text(e.area()) + "  (" + text(e.width()) + " × " + text(e.height()) + ")");
                }
                case POLYGON -> {
                    PolygonArea a = PolygonArea.of(calibration, points);
                    yield reading(a.scale(), text(a.area()));
                }
                case POINT -> {
                    PointReadout r = PointReadout.at(calibration, points.get(0));
                    yield reading(r.scale(), text(r.x()) + ", " + text(r.y()));
                }
                case TIME -> {
                    TimeInterval t = TimeInterval.between(calibration, points.get(0), points.get(1));
                    yield reading(t.scale(), text(t.interval()) + t.heartRate().map(h -> "  " + text(h)).orElse(""));
                }
                case VELOCITY -> {
                    PeakVelocity v = PeakVelocity.at(calibration, points.get(0));
                    yield reading(v.scale(), text(v.velocity()) + "  ΔP " + text(v.gradient()));
                }
                case SLOPE -> {
                    Slope s = Slope.between(calibration, points.get(0), points.get(1));
                    yield reading(s.scale(), text(s.slope()));
                }
                case VTI -> {
                    VelocityTimeIntegral v = VelocityTimeIntegral.of(calibration, points);
                    yield reading(v.scale(), "VTI " + text(v.integral()) + " over " + text(v.duration()));
                }
            };
        } catch (MeasurementException e) {
            return Reading.refusal(e.getMessage());
        }
    }

    @Override
    public String describePlace(ImagePoint p, int frame) {
        Calibration calibration = calibration(frame);
        OptionalInt region = calibration.regionAt(new PixelPoint(p.x(), p.y()));
        if (region.isPresent()) {
            UltrasoundRegion r = calibration.regions().get(region.getAsInt() - 1);
            return "region " + region.getAsInt() + " · " + r.kind() + " · " + r.scaleText();
        }
        return source(calibration.scaleFor(new PixelPoint(p.x(), p.y())));
    }

    private Calibration calibration(int frame) {
        return byFrame.computeIfAbsent(frame, f -> Calibration.of(dataset, f));
    }

    private static Reading distance(Distance d) {
        if (d.length().isPresent()) {
            return reading(d.scale(), text(d.length().get()));
        }
        return reading(d.scale(), "Δx " + text(d.dx()) + ", Δy " + text(d.dy()));
    }

    private static Reading reading(Scale scale, String text) {
        return new Reading(text, source(scale), false);
    }

    /** Which calibration the values come from, in words. */
    static String source(Scale scale) {
        String where = switch (scale.source()) {
            case REGION -> "region " + scale.region();
            case PIXEL_SPACING -> "Pixel Spacing";
            case IMAGER_PIXEL_SPACING -> "Imager Pixel Spacing";
            case NONE -> "pixels (uncalibrated)";
        };
        return scale.note().isEmpty() ? where : where + " (" + scale.note() + ")";
    }

    /** A quantity as a label shows it: four significant digits, units with superscripts. */
    static String text(Quantity q) {
        String unit = q.unit().replace("2", "²").replace("3", "³");
        return String.format(java.util.Locale.ROOT, "%.4g %s", q.value(), unit);
    }
}
