package org.sonocine.study;

import java.text.Collator;
import java.util.Arrays;
import java.util.Locale;

/**
 * Names and descriptions in the order of the root locale's collator at secondary strength: "baker" and "Baker" are
 * equal, "Émile" and "Emile" are not. Building that collator's tables costs a short command more than sorting a
 * whole scan, and most names are plain ASCII that differ in a letter or digit; such names are compared here by the
 * collator's own first-level order of those characters (checked against it by the tests), and everything else by
 * the collator itself, built the first time it is needed.
 */
final class NameOrder {
    /** Printable ASCII in the collator's first-level order; a letter and its capital weigh the same. */
    private static final String ORDER = "_,;:!?/.`^~'\"()[]{}@$*\\&#%+<=>|0123456789";
    /** Weights at the collator's first level; zero for what it ignores there (space, hyphen). */
    private static final byte[] WEIGHTS = weights();
    private static final byte NOT_PLAIN = -1;

    private NameOrder() {
    }

    static int compare(String a, String b) {
        if (isPlain(a) && isPlain(b)) {
            int i = 0;
            int j = 0;
            while (true) {
                i = nextWeighed(a, i);
                j = nextWeighed(b, j);
                if (i == a.length() || j == b.length()) {
                    if (i == a.length() && j == b.length()) {
                        break; // equal at the first level: the collator's finer levels decide
                    }
                    return i == a.length() ? -1 : 1;
                }
                int difference = WEIGHTS[a.charAt(i)] - WEIGHTS[b.charAt(j)];
                if (difference != 0) {
                    return difference < 0 ? -1 : 1;
                }
                i++;
                j++;
            }
        }
        return Collation.NAMES.compare(a, b);
    }

    private static boolean isPlain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= WEIGHTS.length || WEIGHTS[c] == NOT_PLAIN) {
                return false;
            }
        }
        return true;
    }

    /** The index of the first character at or after {@code from} that weighs at the first level, or the length. */
    private static int nextWeighed(String s, int from) {
        int i = from;
        while (i < s.length() && WEIGHTS[s.charAt(i)] == 0) {
            i++;
        }
        return i;
    }

    private static byte[] weights() {
        byte[] weights = new byte[128];
        Arrays.fill(weights, NOT_PLAIN);
        weights[' '] = 0;
        weights['-'] = 0;
        byte weight = 1;
        for (int i = 0; i < ORDER.length(); i++) {
            weights[ORDER.charAt(i)] = weight++;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            weights[c] = weight;
            weights[Character.toUpperCase(c)] = weight++;
        }
        return weights;
    }

    /** The collator, built on first use. */
    private static final class Collation {
        static final Collator NAMES = names();

        private static Collator names() {
            Collator collator = Collator.getInstance(Locale.ROOT);
            collator.setStrength(Collator.SECONDARY);
            return collator;
        }
    }
}
