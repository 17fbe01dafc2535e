package org.sonocine.dicom;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The warnings of one read, bounded: a hostile file can repeat one defect millions of times (a 64 MB file of stray
 * delimiters), and a warning each would exhaust memory. Warnings are grouped by kind (the text with its numbers
 * taken out): the first few of each kind are kept, the rest counted, and the list ends with one line per kind that
 * overflowed ("and 1,234,567 more like it"). Not thread-safe.
 */
final class BoundedWarnings extends AbstractList<String> {
    static final int PER_KIND = 10;
    /** Beyond this many kinds, further ones are counted together. */
    private static final int KINDS = 100;
    private static final String OTHER = "other warnings";

    private final List<String> kept = new ArrayList<>();
    private final Map<String, long[]> kinds = new LinkedHashMap<>();
    /** Kinds with warnings beyond those kept: none in nearly every read, which then needs no summary lines. */
    private int overflowing;

    /** Adds {@code warning} kept to one line, whatever text of the file it quotes (see {@link OneLine}). */
    @Override
    public boolean add(String text) {
        String warning = OneLine.of(text);
        String kind = kindOf(warning);
        if (!kinds.containsKey(kind) && kinds.size() >= KINDS) {
            kind = OTHER;
        }
        long[] seen = kinds.get(kind);
        if (seen == null) {
            seen = new long[2];
            kinds.put(kind, seen);
        }
        if (++seen[0] <= PER_KIND && !kind.equals(OTHER)) {
            kept.add(warning);
        } else if (seen[1]++ == 0) {
            overflowing++;
        }
        return true;
    }

    /**
     * The warning with each run of digits made one '#'. Written out rather than a regular expression: every read
     * makes a list of warnings, and compiling one costs a short command's first file more than reading it.
     */
    static String kindOf(String warning) {
        StringBuilder kind = new StringBuilder(warning.length());
        boolean inDigits = false;
        for (int i = 0; i < warning.length(); i++) {
            char c = warning.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (!digit) {
                kind.append(c);
            } else if (!inDigits) {
                kind.append('#');
            }
            inDigits = digit;
        }
        return kind.toString();
    }

    @Override
    public String get(int index) {
        if (index < kept.size()) {
            return kept.get(index);
        }
        return summaries().get(index - kept.size());
    }

    @Override
    public int size() {
        return kept.size() + summaries().size();
    }

    private List<String> summaries() {
        if (overflowing == 0) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, long[]> e : kinds.entrySet()) {
            long more = e.getValue()[1];
            if (more > 0) {
                lines.add(e.getKey().equals(OTHER)
                        ? String.format(Locale.ROOT, "and %,d other warnings", more)
                        : String.format(Locale.ROOT, "and %,d more like it: %s", more, e.getKey()));
            }
        }
        return lines;
    }
}
