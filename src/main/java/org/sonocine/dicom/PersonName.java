package org.sonocine.dicom;

/**
 * A PN value split as PS3.5 6.2.1 defines: up to three component groups (alphabetic, ideographic, phonetic)
 * separated by '=', each with up to five components (family, given, middle, prefix, suffix) separated by '^'.
 */
public record PersonName(Group alphabetic, Group ideographic, Group phonetic) {

    /** One component group: family^given^middle^prefix^suffix. */
    public record Group(String family, String given, String middle, String prefix, String suffix) {
        static final Group EMPTY = new Group("", "", "", "", "");

        static Group parse(String text) {
            String[] c = split(text, '^');
            return new Group(part(c, 0), part(c, 1), part(c, 2), part(c, 3), part(c, 4));
        }

        private static String part(String[] c, int i) {
            return i < c.length ? c[i].trim() : "";
        }

        public boolean isEmpty() {
            return family.isEmpty() && given.isEmpty() && middle.isEmpty() && prefix.isEmpty() && suffix.isEmpty();
        }

        /** "prefix given middle family, suffix", the order in which a reader says a name. */
        public String toDisplayString() {
            StringBuilder name = new StringBuilder();
            word(name, prefix);
            word(name, given);
            word(name, middle);
            word(name, family);
            if (!suffix.isEmpty()) {
                name.append(", ").append(suffix);
            }
            return name.toString();
        }

        private static void word(StringBuilder name, String w) {
            if (!w.isEmpty()) {
                if (name.length() > 0) {
                    name.append(' ');
                }
                name.append(w);
            }
        }
    }

    public static PersonName parse(String value) {
        String[] groups = value == null ? new String[0] : split(value, '=');
        return new PersonName(group(groups, 0), group(groups, 1), group(groups, 2));
    }

    /**
     * The parts of {@code s} between {@code separator}s, empty ones included, as {@code s.split(separator, -1)} gives
     * them: every scan splits every patient's name, and this spares it the general splitter.
     */
    static String[] split(String s, char separator) {
        int count = 1;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == separator) {
                count++;
            }
        }
        if (count == 1) {
            return new String[] {s};
        }
        String[] parts = new String[count];
        int start = 0;
        for (int k = 0; k < count - 1; k++) {
            int end = s.indexOf(separator, start);
            parts[k] = s.substring(start, end);
            start = end + 1;
        }
        parts[count - 1] = s.substring(start);
        return parts;
    }

    private static Group group(String[] groups, int i) {
        return i < groups.length ? Group.parse(groups[i]) : Group.EMPTY;
    }

    public String family() {
        return alphabetic.family();
    }

    public String given() {
        return alphabetic.given();
    }

    public boolean isEmpty() {
        return alphabetic.isEmpty() && ideographic.isEmpty() && phonetic.isEmpty();
    }

    /** The alphabetic name as a reader says it, with the ideographic form in brackets when there is one. */
    public String toDisplayString() {
        String main = alphabetic.toDisplayString();
        String ideo = ideographic.isEmpty() ? "" : ideographic.family() + ideographic.given();
        if (main.isEmpty()) {
            return ideo;
        }
        return ideo.isEmpty() ? main : main + " (" + ideo + ")";
    }
}
