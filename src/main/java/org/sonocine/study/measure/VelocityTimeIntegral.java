package org.sonocine.study.measure;

import java.util.List;

/**
 * The velocity–time integral of a traced Doppler envelope, ∫|v| dt by the trapezoid rule (v in cm/s, t in s, so
 * the result is in cm: the distance a column of blood travels in the traced time). The magnitude of velocity is
 * integrated so that flow away from the probe counts as well; a trace drawn right to left gives the same value.
 */
public record VelocityTimeIntegral(Scale scale, Quantity integral, Quantity duration) {
    static final String WHAT = "a velocity–time integral";

    public static VelocityTimeIntegral of(Calibration calibration, List<PixelPoint> trace) {
        if (trace.size() < 2) {
            throw new MeasurementException(WHAT + " needs a trace of at least 2 points, got " + trace.size());
        }
        Scale scale = calibration.scaleFor(trace);
        scale.requireX("s", WHAT);
        scale.requireY("cm/s", WHAT);
        double sum = 0;
        for (int i = 1; i < trace.size(); i++) {
            PixelPoint a = trace.get(i - 1);
            PixelPoint b = trace.get(i);
            double dt = scale.x().difference(a.x(), b.x());
            sum += (Math.abs(scale.y().value(a.y())) + Math.abs(scale.y().value(b.y()))) / 2 * dt;
        }
        double duration = Math.abs(scale.x().difference(trace.get(0).x(), trace.get(trace.size() - 1).x()));
        return new VelocityTimeIntegral(scale, new Quantity(Math.abs(sum), "cm"), new Quantity(duration, "s"));
    }
}
