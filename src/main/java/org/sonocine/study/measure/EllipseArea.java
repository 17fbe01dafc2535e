package org.sonocine.study.measure;

/**
 * The area of the ellipse inscribed in the box with opposite corners {@code corner} and {@code opposite}, with its
 * axes along x and y: π times the two physical semi-axes; cm2, mm2 or px2.
 */
public record EllipseArea(Scale scale, Quantity area, Quantity width, Quantity height) {

    public static EllipseArea of(Calibration calibration, PixelPoint corner, PixelPoint opposite) {
        Scale scale = calibration.scaleFor(corner, opposite);
        scale.requireSameLengthUnit("an area");
        double width = Math.abs(scale.x().difference(corner.x(), opposite.x()));
        double height = Math.abs(scale.y().difference(corner.y(), opposite.y()));
        String unit = scale.x().unit();
        return new EllipseArea(scale, new Quantity(Math.PI * width * height / 4, unit + "2"),
                new Quantity(width, unit), new Quantity(height, unit));
    }
}
