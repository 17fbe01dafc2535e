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

    private final Map<Integer, DictionaryEntry> byTag = new HashMap<>(8192);
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
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.startsWith("#") && !line.isEmpty()) {
                    dictionary.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dictionary;
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
            byTag.put(value, entry);
        } else {
            repeatingMasks.add(new int[] {mask, value});
            repeatingEntries.add(entry);
        }
    }

    private static List<VR> parseVrs(String text) {
        List<VR> vrs = new ArrayList<>(2);
        for (String part : text.split(" or ")) {
            if (part.length() == 2) {
                VR vr = VR.ofCode((part.charAt(0) << 8) | part.charAt(1));
                if (vr != null) {
                    vrs.add(vr);
                }
            }
        }
        return List.copyOf(vrs);
    }

    /** The standard element with this tag, or empty for private and unknown tags. */
    public Optional<DictionaryEntry> lookup(int tag) {
        DictionaryEntry entry = byTag.get(tag);
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
