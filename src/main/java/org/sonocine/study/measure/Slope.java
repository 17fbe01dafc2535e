package org.sonocine.study.measure;

/**
 * The slope between two points in y units per x unit: e.g. cm/s for a wall's motion in M-mode, cm/s2 for an
 * acceleration or deceleration in a Doppler strip.
 */
public record Slope(Scale scale, Quantity slope) {

    public static Slope between(Calibration calibration, PixelPoint from, PixelPoint to) {
        Scale scale = calibration.scaleFor(from, to);
        if (!scale.x().isPhysical() || !scale.y().isPhysical() || scale.source() != CalibrationSource.REGION) {
            throw new MeasurementException("a slope needs an ultrasound region with physical units across and down; "
                    + scale.describe());
        }
        double dx = scale.x().difference(from.x(), to.x());
        if (dx == 0) {
            throw new MeasurementException("a slope needs two points apart across; these are at the same "
                    + scale.x().unit());
        }
        double dy = scale.y().difference(from.y(), to.y());
        return new Slope(scale, new Quantity(dy / dx, unit(scale.y().unit(), scale.x().unit())));
    }

    /** "cm" per "s" is "cm/s"; "cm/s" per "s" is "cm/s2" rather than "cm/s/s". */
    static String unit(String y, String x) {
        return y.endsWith("/" + x) ? y + "2" : y + "/" + x;
    }
}
