package org.sonocine.study.measure;

import java.util.OptionalInt;

/**
 * The physical scale that applies to a set of points: where it came from, the region (1-based item number of the
 * Sequence of Ultrasound Regions; 0 when the scale is not a region's) and its two directions.
 */
public record Scale(CalibrationSource source, int region, Axis x, Axis y) {

    public OptionalInt regionNumber() {
        return region > 0 ? OptionalInt.of(region) : OptionalInt.empty();
    }

    /** Whether x and y are the same length unit, so that lengths and areas mean something. */
    public boolean isIsotropicLength() {
        return x.length() && y.length() && x.unit().equals(y.unit());
    }

    /** What a reader must know about these values (e.g. magnification); empty when nothing. */
    public String note() {
        return source.note();
    }

    /** e.g. "ultrasound region 2 has s across and cm/s down", for refusals. */
    String describe() {
        String units = unitText(x) + " across and " + unitText(y) + " down";
        return switch (source) {
            case REGION -> "ultrasound region " + region + " has " + units;
            case PIXEL_SPACING -> "the points lie outside every ultrasound region, where Pixel Spacing gives " + units;
            case IMAGER_PIXEL_SPACING -> "the points lie outside every ultrasound region, where Imager Pixel Spacing"
                    + " gives " + units;
            case NONE -> "the points lie outside every ultrasound region and the image has no pixel spacing";
        };
    }

    private static String unitText(Axis axis) {
        return axis.isPhysical() ? axis.unit() : "no physical unit";
    }

    /** Refuses unless x and y are the same length unit, saying that {@code what} needs it. */
    void requireSameLengthUnit(String what) {
        if (!isIsotropicLength()) {
            throw new MeasurementException(what + " needs x and y in the same length unit; " + describe());
        }
    }

    /** Refuses unless x is {@code unit}, saying that {@code what} needs it. */
    void requireX(String unit, String what) {
        if (!x.unit().equals(unit)) {
            throw new MeasurementException(what + " needs " + unit + " across; " + describe());
        }
    }

    /** Refuses unless y is {@code unit}, saying that {@code what} needs it. */
    void requireY(String unit, String what) {
        if (!y.unit().equals(unit)) {
            throw new MeasurementException(what + " needs " + unit + " down; " + describe());
        }
    }
}
