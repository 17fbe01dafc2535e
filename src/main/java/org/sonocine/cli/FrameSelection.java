package org.sonocine.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A frame list as users write it: "1", "1-10", "1,5,9", "2-4,8" (1-based, inclusive ranges). */
final class FrameSelection {
    private FrameSelection() {
    }

    /** The 0-based indexes {@code list} names, in its order without repeats; all frames when it is null. */
    static List<Integer> parse(String list, int frames) {
        List<Integer> out = new ArrayList<>();
        if (list == null || list.isBlank()) {
            for (int i = 0; i < frames; i++) {
                out.add(i);
            }
            return out;
        }
        Set<Integer> chosen = new LinkedHashSet<>();
        for (String part : list.split(",")) {
            String p = part.trim();
            int dash = p.indexOf('-', 1);
            int from;
            int to;
            try {
                from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).trim());
                to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + p + "' is not a frame number or range (e.g. 1, 1-10, 1,5,9)");
            }
            if (from > to) {
                throw new IllegalArgumentException("frames " + p + " run backwards: write " + to + "-" + from);
            }
            if (from < 1 || to > frames) {
                throw new IllegalArgumentException("frames " + p + " are outside 1-" + frames);
            }
            for (int f = from; f <= to; f++) {
                chosen.add(f - 1);
            }
        }
        out.addAll(chosen);
        return out;
    }
}
