package org.sonocine.study.measure;

/** The physical values at one point, e.g. time and velocity in a Doppler strip, or time and depth in M-mode. */
public record PointReadout(Scale scale, Quantity x, Quantity y) {

    public static PointReadout at(Calibration calibration, PixelPoint point) {
        Scale scale = calibration.scaleFor(point);
        return new PointReadout(scale, new Quantity(scale.x().value(point.x()), scale.x().unit()),
                new Quantity(scale.y().value(point.y()), scale.y().unit()));
    }
}
