package org.sonocine.study;

import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.Tag;

import java.util.Locale;

/**
 * One item of Sequence of Ultrasound Regions (PS3.3 C.8.5.5.1): a rectangle of the image with its own physical
 * scale, e.g. a 2D tissue area in cm per pixel or a Doppler strip in seconds and cm/s.
 *
 * @param referencePixelX0    Reference Pixel X0, relative to the region's left edge ({@code minX}); 0 when absent
 * @param referencePixelY0    Reference Pixel Y0, relative to the region's top edge ({@code minY}); 0 when absent
 * @param referenceValueX     Reference Pixel Physical Value X, the value at the reference pixel; 0 when absent
 * @param referenceValueY     Reference Pixel Physical Value Y; 0 when absent
 */
public record UltrasoundRegion(int spatialFormat, int dataType, int minX, int minY, int maxX, int maxY,
                               Units unitsX, Units unitsY, double deltaX, double deltaY,
                               int referencePixelX0, int referencePixelY0,
                               double referenceValueX, double referenceValueY) {

    /** Physical Units X/Y Direction (0018,6024/6026). */
    public enum Units {
        NONE("", "", 0), PERCENT("%", "%", 1), DB("dB", "dB", 2), CM("cm", "cm", 3), SECONDS("s", "s", 4),
        HERTZ("Hz", "Hz", 5), DB_PER_SECOND("dB/s", "dB/s", 6), CM_PER_SECOND("cm/s", "cm/s", 7),
        CM2("cm²", "cm2", 8), CM2_PER_SECOND("cm²/s", "cm2/s", 9), CM3("cm³", "cm3", 0xA),
        CM3_PER_SECOND("cm³/s", "cm3/s", 0xB), DEGREES("°", "deg", 0xC);

        private final String symbol;
        private final String text;
        private final int code;

        Units(String symbol, String text, int code) {
            this.symbol = symbol;
            this.text = text;
            this.code = code;
        }

        /** The unit as a reader sees it on screen, e.g. "cm²". */
        public String symbol() {
            return symbol;
        }

        /** The unit in plain ASCII, as machine-readable output writes it, e.g. "cm2"; empty for NONE. */
        public String text() {
            return text;
        }

        /** The code of Physical Units X/Y Direction; unknown codes are NONE. */
        public static Units of(int code) {
            for (Units u : values()) {
                if (u.code == code) {
                    return u;
                }
            }
            return NONE;
        }
    }

    /** One item of Sequence of Ultrasound Regions; absent reference attributes mean 0, as the standard implies. */
    public static UltrasoundRegion of(Attributes item) {
        return new UltrasoundRegion(item.getInt(Tag.RegionSpatialFormat, 0), item.getInt(Tag.RegionDataType, 0),
                item.getInt(Tag.RegionLocationMinX0, 0), item.getInt(Tag.RegionLocationMinY0, 0),
                item.getInt(Tag.RegionLocationMaxX1, 0), item.getInt(Tag.RegionLocationMaxY1, 0),
                Units.of(item.getInt(Tag.PhysicalUnitsXDirection, 0)),
                Units.of(item.getInt(Tag.PhysicalUnitsYDirection, 0)),
                item.getDouble(Tag.PhysicalDeltaX), item.getDouble(Tag.PhysicalDeltaY),
                item.getInt(Tag.ReferencePixelX0, 0), item.getInt(Tag.ReferencePixelY0, 0),
                finiteOrZero(item.getDouble(Tag.ReferencePixelPhysicalValueX)),
                finiteOrZero(item.getDouble(Tag.ReferencePixelPhysicalValueY)));
    }

    private static double finiteOrZero(double value) {
        return Double.isFinite(value) ? value : 0;
    }

    public boolean contains(int x, int y) {
        return x >= minX && x <= maxX && y >= minY && y <= maxY;
    }

    /**
     * Whether the pixel a point falls in lies inside the region (bounds inclusive). Points are in pixel-centre
     * coordinates, so pixel {@code i} covers {@code [i - 0.5, i + 0.5)}.
     */
    public boolean contains(double x, double y) {
        return x >= minX - 0.5 && x < maxX + 0.5 && y >= minY - 0.5 && y < maxY + 0.5;
    }

    /** Number of pixels the region covers, to choose the innermost of nested regions. */
    public long pixelCount() {
        return ((long) maxX - minX + 1) * ((long) maxY - minY + 1);
    }

    /** What the region shows, after Region Spatial Format (0018,6012). */
    public String kind() {
        return switch (spatialFormat) {
            case 1 -> "2D";
            case 2 -> "M-mode";
            case 3 -> "spectral";
            case 4 -> "waveform";
            case 5 -> "graphics";
            default -> "other";
        };
    }

    /** Physical size of one pixel, e.g. "0.0251 cm × 0.0251 cm per pixel". */
    public String scaleText() {
        if (unitsX == Units.NONE && unitsY == Units.NONE) {
            return "no physical units";
        }
        return String.format(Locale.ROOT, "%s × %s per pixel", value(Math.abs(deltaX), unitsX),
                value(Math.abs(deltaY), unitsY));
    }

    private static String value(double v, Units units) {
        return units == Units.NONE ? "—" : String.format(Locale.ROOT, "%.4g %s", v, units.symbol());
    }
}
