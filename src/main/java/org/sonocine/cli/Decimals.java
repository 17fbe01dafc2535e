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
        String shortest = Double.toString(value);
        String plain = shortest.indexOf('E') < 0 ? roundedHalfUp(shortest, places)
                : new BigDecimal(shortest).setScale(places, RoundingMode.HALF_UP).toPlainString();
        // A negative value that rounds to zero, and minus zero, keep their sign, as the formatter keeps it.
        return Double.compare(value, 0.0) < 0 && !plain.startsWith("-") ? "-" + plain : plain;
    }

    /**
     * A decimal written "[-]digits.digits" rounded half up to {@code places} decimals, the sign kept: the numbers a
     * command prints (seconds, rates) are written so, and rounding their digits spares a short run the set-up of
     * big decimals.
     */
    private static String roundedHalfUp(String decimal, int places) {
        boolean negative = decimal.charAt(0) == '-';
        int point = decimal.indexOf('.');
        String fraction = decimal.substring(point + 1);
        StringBuilder digits = new StringBuilder(decimal.length() + places)
                .append(decimal, negative ? 1 : 0, point)
                .append(fraction, 0, Math.min(places, fraction.length()));
        for (int i = fraction.length(); i < places; i++) {
            digits.append('0');
        }
        if (fraction.length() > places && fraction.charAt(places) >= '5') {
            int i = digits.length() - 1;
            while (i >= 0 && digits.charAt(i) == '9') {
                digits.setCharAt(i, '0');
                i--;
            }
            if (i < 0) {
                digits.insert(0, '1');
            } else {
                digits.setCharAt(i, (char) (digits.charAt(i) + 1));
            }
        }
        if (places > 0) {
            digits.insert(digits.length() - places, '.');
        }
        return negative ? "-" + digits : digits.toString();
    }
}
