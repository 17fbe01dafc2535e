package org.sonocine.imaging.jpeg2000;

/** Counts in messages: "1 subband", "3 subbands". */
final class Words {
    private Words() {
    }

    /** {@code n} and the noun, in the plural unless n is 1 ("pass" takes "es"). */
    static String count(long n, String noun) {
        if (n == 1) {
            return n + " " + noun;
        }
        return n + " " + noun + (noun.endsWith("s") ? "es" : "s");
    }
}
