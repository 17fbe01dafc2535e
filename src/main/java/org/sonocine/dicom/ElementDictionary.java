package org.sonocine.dicom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The PS3.6 data dictionary, loaded once from {@code dictionary.tsv} (see src/build/generate-dictionary.py).
 * Answers what a tag is called and which VR it has when an implicit-VR stream does not say.
 */
public final class ElementDictionary {
    private static final String RESOURCE = "dictionary.tsv";

    /** Exact tags, sorted, with their entries at the same index: no boxing on the per-element lookup path. */
    private int[] tags = new int[0];
    private DictionaryEntry[] entries = new DictionaryEntry[0];
    private final Map<Integer, DictionaryEntry> loading = new HashMap<>(8192);
    private final Map<String, DictionaryEntry> byKeyword = new HashMap<>(8192);
    /** Entries whose tag has 'x' digits (repeating groups such as 60xx): {mask, value} per entry. */
    private final List<int[]> repeatingMasks = new ArrayList<>();
    private final List<DictionaryEntry> repeatingEntries = new ArrayList<>();

    private static final class Holder {
        static final ElementDictionary INSTANCE = load();
    }

    private ElementDictionary() {
    }

    public static ElementDictionary standard() {
        return Holder.INSTANCE;
    }

    private static ElementDictionary load() {
        ElementDictionary dictionary = new ElementDictionary();
        try (InputStream in = ElementDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the DICOM data dictionary resource " + RESOURCE + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            String line;
            String[] columns = new String[6];
            while ((line = reader.readLine()) != null) {
                if (!line.startsWith("#") && !line.isEmpty()) {
                    splitTabs(line, columns);
                    dictionary.add(columns);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dictionary.freeze();
        return dictionary;
    }

    private void freeze() {
        tags = loading.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        entries = new DictionaryEntry[tags.length];
        for (int i = 0; i < tags.length; i++) {
            entries[i] = loading.get(tags[i]);
        }
        loading.clear();
    }

    private void add(String[] columns) {
        String tagText = columns[0];
        List<VR> vrs = parseVrs(columns[1]);
        int mask = 0;
        int value = 0;
        for (int i = 0; i < 8; i++) {
            char c = tagText.charAt(i);
            mask <<= 4;
            value <<= 4;
            if (c != 'x') {
                mask |= 0xF;
                value |= Character.digit(c, 16);
            }
        }
        DictionaryEntry entry = new DictionaryEntry(value, vrs, columns[2], columns[3], columns[4],
                "R".equals(columns[5]));
        byKeyword.putIfAbsent(entry.keyword(), entry);
        if (mask == -1) {
            loading.put(value, entry);
        } else {
            repeatingMasks.add(new int[] {mask, value});
            repeatingEntries.add(entry);
        }
    }

    /** Splits a dictionary line into its columns without regular expressions (this runs 5000 times at start). */
    private static void splitTabs(String line, String[] columns) {
        int start = 0;
        for (int c = 0; c < columns.length; c++) {
            int tab = line.indexOf('\t', start);
            int end = tab < 0 ? line.length() : tab;
            columns[c] = line.substring(start, end);
            start = tab < 0 ? line.length() : tab + 1;
        }
    }

    /** "US or SS" and the like: every VR code of four characters' stride ("XX or YY or ZZ"). */
    private static List<VR> parseVrs(String text) {
        if (text.length() == 2) {
            VR vr = VR.ofCode((text.charAt(0) << 8) | text.charAt(1));
            return vr == null ? List.of() : List.of(vr);
        }
        List<VR> vrs = new ArrayList<>(3);
        for (int i = 0; i + 1 < text.length(); i += 6) {
            VR vr = VR.ofCode((text.charAt(i) << 8) | text.charAt(i + 1));
            if (vr != null) {
                vrs.add(vr);
            }
        }
        return List.copyOf(vrs);
    }

    /** The standard element with this tag, or empty for private and unknown tags. */
    public Optional<DictionaryEntry> lookup(int tag) {
        DictionaryEntry entry = exact(tag);
        if (entry != null) {
            return Optional.of(entry);
        }
        if (Tags.isPrivate(tag) || (Tags.group(tag) & 1) != 0) {
            return Optional.empty();
        }
        for (int i = 0; i < repeatingMasks.size(); i++) {
            int[] m = repeatingMasks.get(i);
            if ((tag & m[0]) == m[1]) {
                return Optional.of(repeatingEntries.get(i));
            }
        }
        return Optional.empty();
    }

    private DictionaryEntry exact(int tag) {
        int i = java.util.Arrays.binarySearch(tags, tag);
        return i >= 0 ? entries[i] : null;
    }

    public Optional<DictionaryEntry> lookup(String keyword) {
        return Optional.ofNullable(byKeyword.get(keyword));
    }

    /** The keyword, or "" for private and unknown tags (group lengths and private creators are named). */
    public String keywordOf(int tag) {
        Optional<DictionaryEntry> entry = lookup(tag);
        if (entry.isPresent()) {
            return entry.get().keyword();
        }
        if (Tags.isGroupLength(tag)) {
            return "GroupLength";
        }
        if (Tags.isPrivateCreator(tag)) {
            return "PrivateCreator";
        }
        return "";
    }

    /**
     * The VR an implicit-VR stream implies for {@code tag}: the dictionary's first choice, UL for group lengths,
     * LO for private creators, UN otherwise.
     */
    public VR vrOf(int tag) {
        DictionaryEntry exact = exact(tag);
        if (exact != null && !exact.vrs().isEmpty()) {
            return exact.vr();
        }
        Optional<DictionaryEntry> entry = lookup(tag);
        if (entry.isPresent() && !entry.get().vrs().isEmpty()) {
            return entry.get().vr();
        }
        if (Tags.isGroupLength(tag)) {
            return VR.UL;
        }
        if (Tags.isPrivateCreator(tag)) {
            return VR.LO;
        }
        return VR.UN;
    }

    /** The tag with this PS3.6 keyword. */
    public int tagOf(String keyword) {
        DictionaryEntry entry = byKeyword.get(keyword);
        if (entry == null) {
            throw new IllegalArgumentException("no DICOM keyword '" + keyword + "'");
        }
        return entry.tag();
    }
}
