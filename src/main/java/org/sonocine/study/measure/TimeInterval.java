package org.sonocine.study.measure;

import java.util.Optional;

/**
 * The time between two calipers in a region whose x axis is time (Doppler or M-mode), and the heart rate
 * 60 / ΔT (ΔT in seconds) when the calipers mark one cardiac cycle.
 */
public record TimeInterval(Scale scale, Quantity interval, Optional<Quantity> heartRate) {
    static final String WHAT = "a time interval";

    public static TimeInterval between(Calibration calibration, PixelPoint from, PixelPoint to) {
        Scale scale = calibration.scaleFor(from, to);
        scale.requireX("s", WHAT);
        double seconds = Math.abs(scale.x().difference(from.x(), to.x()));
        Optional<Quantity> rate = seconds > 0 ? Optional.of(new Quantity(60 / seconds, "bpm")) : Optional.empty();
        return new TimeInterval(scale, new Quantity(seconds, "s"), rate);
    }
}
