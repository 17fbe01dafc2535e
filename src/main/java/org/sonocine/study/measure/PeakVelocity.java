package org.sonocine.study.measure;

/**
 * A velocity read in a Doppler region, with the pressure gradient of the simplified Bernoulli equation,
 * ΔP = 4v² (v in m/s, ΔP in mmHg). The sign of the velocity says flow towards (+) or away from (−) the probe;
 * the gradient does not depend on it.
 */
public record PeakVelocity(Scale scale, Quantity velocity, Quantity gradient) {

    public static PeakVelocity at(Calibration calibration, PixelPoint point) {
        Scale scale = calibration.scaleFor(point);
        scale.requireY("cm/s", "a velocity");
        double cmPerSecond = scale.y().value(point.y());
        double metresPerSecond = cmPerSecond / 100;
        return new PeakVelocity(scale, new Quantity(cmPerSecond, "cm/s"),
                new Quantity(4 * metresPerSecond * metresPerSecond, "mmHg"));
    }
}
