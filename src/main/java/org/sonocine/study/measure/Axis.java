package org.sonocine.study.measure;

/**
 * One direction of a scale: {@code value(p) = referenceValue + (p - referencePixel) * delta}, the mapping of
 * PS3.3 C.8.5.5.1 with the reference pixel already made absolute.
 *
 * @param referencePixel the pixel coordinate whose value is {@code referenceValue}
 * @param delta          physical units per pixel; may be negative (a Doppler velocity axis usually is)
 * @param unit           ASCII unit, "px" when the direction has no physical unit
 * @param length         whether the unit is a length (cm, mm, or px on an uncalibrated grid)
 */
public record Axis(double referencePixel, double referenceValue, double delta, String unit, boolean length) {
    static final String PIXELS = "px";

    static Axis pixels() {
        return new Axis(0, 0, 1, PIXELS, true);
    }

    static Axis spacing(double millimetresPerPixel) {
        return new Axis(0, 0, millimetresPerPixel, "mm", true);
    }

    /** The physical value at pixel coordinate {@code p}. */
    public double value(double p) {
        return referenceValue + (p - referencePixel) * delta;
    }

    /** The physical value of {@code to} minus that of {@code from}. */
    public double difference(double from, double to) {
        return (to - from) * delta;
    }

    /** Whether values are physical, not pixel counts. */
    public boolean isPhysical() {
        return !PIXELS.equals(unit);
    }
}
