package org.sonocine.study.measure;

import java.util.Locale;

/** A physical value with its unit in plain ASCII, e.g. 2.5 "cm", 120 "cm/s", 3.1 "cm2", 14 "px". */
public record Quantity(double value, String unit) {

    /** e.g. "2.513 cm"; four significant digits, as a label next to a caliper shows it. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.4g %s", value, unit);
    }
}
