package org.sonocine.dicom;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

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
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private final List<String> kept = new ArrayList<>();
    private final Map<String, long[]> kinds = new LinkedHashMap<>();

    @Override
    public boolean add(String warning) {
        String kind = DIGITS.matcher(warning).replaceAll("#");
        if (!kinds.containsKey(kind) && kinds.size() >= KINDS) {
            kind = OTHER;
        }
        long[] seen = kinds.computeIfAbsent(kind, k -> new long[2]);
        if (++seen[0] <= PER_KIND && !kind.equals(OTHER)) {
            kept.add(warning);
        } else {
            seen[1]++;
        }
        return true;
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
