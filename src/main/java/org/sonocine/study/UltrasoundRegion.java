package org.sonocine.study;

import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.Tag;

import java.util.Locale;

/**
 * One item of Sequence of Ultrasound Regions (PS3.3 C.8.5.5.1): a rectangle of the image with its own physical
 * scale, e.g. a 2D tissue area in cm per pixel or a Doppler strip in seconds and cm/s.
 */
public record UltrasoundRegion(int spatialFormat, int dataType, int minX, int minY, int maxX, int maxY,
                               Units unitsX, Units unitsY, double deltaX, double deltaY) {

    /** Physical Units X/Y Direction (0018,6024/6026). */
    public enum Units {
        NONE("", 0), PERCENT("%", 1), DB("dB", 2), CM("cm", 3), SECONDS("s", 4), HERTZ("Hz", 5),
        DB_PER_SECOND("dB/s", 6), CM_PER_SECOND("cm/s", 7), CM2("cm²", 8), CM2_PER_SECOND("cm²/s", 9),
        CM3("cm³", 0xA), CM3_PER_SECOND("cm³/s", 0xB), DEGREES("°", 0xC);

        private final String symbol;
        private final int code;

        Units(String symbol, int code) {
            this.symbol = symbol;
            this.code = code;
        }

        public String symbol() {
            return symbol;
        }

        static Units of(int code) {
            for (Units u : values()) {
                if (u.code == code) {
                    return u;
                }
            }
            return NONE;
        }
    }

    static UltrasoundRegion of(Attributes item) {
        return new UltrasoundRegion(item.getInt(Tag.RegionSpatialFormat, 0), item.getInt(Tag.RegionDataType, 0),
                item.getInt(Tag.RegionLocationMinX0, 0), item.getInt(Tag.RegionLocationMinY0, 0),
                item.getInt(Tag.RegionLocationMaxX1, 0), item.getInt(Tag.RegionLocationMaxY1, 0),
                Units.of(item.getInt(Tag.PhysicalUnitsXDirection, 0)),
                Units.of(item.getInt(Tag.PhysicalUnitsYDirection, 0)),
                item.getDouble(Tag.PhysicalDeltaX), item.getDouble(Tag.PhysicalDeltaY));
    }

    public boolean contains(int x, int y) {
        return x >= minX && x <= maxX && y >= minY && y <= maxY;
    }

    /** A 2D tissue region (or M-mode/spectral): one whose X axis is a length. */
    public boolean isSpatial() {
        return unitsX == Units.CM;
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
