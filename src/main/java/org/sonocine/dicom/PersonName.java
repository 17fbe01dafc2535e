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
            String[] c = text.split("\\^", -1);
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
        String[] groups = value == null ? new String[0] : value.split("=", -1);
        return new PersonName(group(groups, 0), group(groups, 1), group(groups, 2));
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
