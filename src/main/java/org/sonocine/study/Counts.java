package org.sonocine.study;

/** Counts as a reader writes them: "1 instance", "2,000 instances", the same on every system. */
public final class Counts {
    private Counts() {
    }

    /** {@code count} followed by {@code one} or {@code many}, with thousands separators. */
    public static String of(long count, String one, String many) {
        return grouped(count) + " " + (count == 1 ? one : many);
    }

    /** As above for nouns whose plural adds an s. */
    public static String of(long count, String noun) {
        return of(count, noun, noun + "s");
    }

    /**
     * {@code count} with a comma between thousands, as {@code %,d} writes it in the root locale. Written out rather
     * than formatted: a scan counts every series it lists, and the first formatting call of a run sets up locale
     * data that costs a short command more than its listing does.
     */
    public static String grouped(long count) {
        String digits = Long.toString(count);
        int sign = count < 0 ? 1 : 0;
        int length = digits.length() - sign;
        StringBuilder s = new StringBuilder(digits.length() + length / 3).append(digits, 0, sign);
        for (int i = 0; i < length; i++) {
            if (i > 0 && (length - i) % 3 == 0) {
                s.append(',');
            }
            s.append(digits.charAt(sign + i));
        }
        return s.toString();
    }
}
