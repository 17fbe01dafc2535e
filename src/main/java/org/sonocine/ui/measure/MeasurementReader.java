package org.sonocine.ui.measure;

/** Turns a measurement into what the user reads next to it: values with units, or why it cannot be measured. */
@FunctionalInterface
public interface MeasurementReader {
    Reading read(Measurement measurement);

    /** Which calibration applies at {@code p} on {@code frame}, for the pointer's hover label. */
    default String describePlace(ImagePoint p, int frame) {
        return "pixels (uncalibrated)";
    }

    /**
     * @param text    the value or values with units ("4.21 cm"), or the reason there are none
     * @param source  which calibration applies ("region 2", "Pixel Spacing", "pixels (uncalibrated)")
     * @param refused whether {@code text} is a refusal rather than a value
     */
    record Reading(String text, String source, boolean refused) {
        public static Reading refusal(String reason) {
            return new Reading(reason, "", true);
        }
    }

    /** Reads everything in pixels: for an image with no calibration at all, and for tests of the drawing. */
    MeasurementReader PIXELS = m -> {
        var p = m.points();
        if (p.size() < 2) {
            var q = p.get(0);
            return new Reading(String.format(java.util.Locale.ROOT, "(%.1f, %.1f) px", q.x(), q.y()),
                    "pixels (uncalibrated)", false);
        }
        double length = 0;
        for (int i = 1; i < p.size(); i++) {
            length += p.get(i - 1).distanceTo(p.get(i));
        }
        return new Reading(String.format(java.util.Locale.ROOT, "%.1f px", length), "pixels (uncalibrated)", false);
    };
}
