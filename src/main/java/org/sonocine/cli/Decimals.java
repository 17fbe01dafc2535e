package org.sonocine.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * A number with a fixed count of decimals, as {@code %.Nf} writes it in the root locale. Written out rather than
 * formatted: the first formatting call of a run sets up locale data that costs a short command more than its work.
 */
final class Decimals {
    private Decimals() {
    }

    static String of(double value, int places) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.format(Locale.ROOT, "%." + places + "f", value);
        }
        // Formatting rounds the shortest decimal form of the double half up, not its exact binary value.
        String plain = new BigDecimal(Double.toString(value)).setScale(places, RoundingMode.HALF_UP).toPlainString();
        // A negative value that rounds to zero, and minus zero, keep their sign, as the formatter keeps it.
        return Double.compare(value, 0.0) < 0 && !plain.startsWith("-") ? "-" + plain : plain;
    }
}
