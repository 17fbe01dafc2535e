package org.sonocine.imaging;

/**
 * A window (PS3.3 C.11.2.1.2): centre and width in modality units, with the VOI LUT function LINEAR,
 * LINEAR_EXACT or SIGMOID, mapping values to 0..255.
 */
public record VoiWindow(double center, double width, Function function) {

    public enum Function {
        LINEAR, LINEAR_EXACT, SIGMOID;

        static Function of(String term) {
            if (term == null) {
                return LINEAR;
            }
            return switch (term.trim()) {
                case "LINEAR_EXACT" -> LINEAR_EXACT;
                case "SIGMOID" -> SIGMOID;
                default -> LINEAR;
            };
        }
    }

    public VoiWindow {
        if (!(width > 0)) {
            throw new IllegalArgumentException("window width must be positive, not " + width);
        }
    }

    /** The window that maps the lowest value to black and the highest to white. */
    public static VoiWindow ofRange(double min, double max) {
        return new VoiWindow((min + max + 1) / 2, Math.max(1, max - min + 1), Function.LINEAR);
    }

    /** Grey level 0..255 for modality value {@code x}. */
    public int apply(double x) {
        return (int) Math.round(level(x) * 255);
    }

    /** Grey level 0..1 for modality value {@code x}. */
    public double level(double x) {
        double y;
        switch (function) {
            case LINEAR_EXACT -> y = (x - center) / width + 0.5;
            case SIGMOID -> y = 1 / (1 + Math.exp(-4 * (x - center) / width));
            default -> {
                if (width <= 1) {
                    y = x < center - 0.5 ? 0 : 1;
                } else {
                    double lower = center - 0.5 - (width - 1) / 2;
                    double upper = center - 0.5 + (width - 1) / 2;
                    y = x <= lower ? 0 : x > upper ? 1 : (x - (center - 0.5)) / (width - 1) + 0.5;
                }
            }
        }
        return Math.max(0, Math.min(1, y));
    }
}
