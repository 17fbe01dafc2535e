package org.sonocine.study.measure;

import java.util.Optional;

/**
 * A caliper pair: the signed physical differences of the second point minus the first, and the straight-line length
 * when x and y are the same length unit (in an M-mode or Doppler region they are not, and a "length" across seconds
 * and centimetres would mean nothing).
 */
public record Distance(Scale scale, Quantity dx, Quantity dy, Optional<Quantity> length) {

    public static Distance between(Calibration calibration, PixelPoint from, PixelPoint to) {
        Scale scale = calibration.scaleFor(from, to);
        double dx = scale.x().difference(from.x(), to.x());
        double dy = scale.y().difference(from.y(), to.y());
        Optional<Quantity> length = scale.isIsotropicLength()
                ? Optional.of(new Quantity(Math.hypot(dx, dy), scale.x().unit())) : Optional.empty();
        return new Distance(scale, new Quantity(dx, scale.x().unit()), new Quantity(dy, scale.y().unit()), length);
    }
}
