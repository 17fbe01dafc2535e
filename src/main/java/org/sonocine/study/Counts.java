package org.sonocine.study;

import java.util.Locale;

/** Counts as a reader writes them: "1 instance", "2,000 instances", the same on every system. */
public final class Counts {
    private Counts() {
    }

    /** {@code count} followed by {@code one} or {@code many}, with thousands separators. */
    public static String of(long count, String one, String many) {
        return String.format(Locale.ROOT, "%,d %s", count, count == 1 ? one : many);
    }

    /** As above for nouns whose plural adds an s. */
    public static String of(long count, String noun) {
        return of(count, noun, noun + "s");
    }
}
