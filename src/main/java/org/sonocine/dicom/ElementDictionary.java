package org.sonocine.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The PS3.6 data dictionary, from {@code dictionary.tsv} (see src/build/generate-dictionary.py). Answers what a
 * tag is called and which VR it has when an implicit-VR stream does not say.
 *
 * <p>A short command touches a few dozen of its 5,000 entries, so opening it only indexes where each tag's line
 * starts; an entry is decoded from its line the first time it is asked for, and the keyword index is built on the
 * first lookup by keyword.
 */
public final class ElementDictionary {
    private static final String RESOURCE = "dictionary.tsv";
    private static final int COLUMNS = 6;

    /** The resource as read, UTF-8 lines of tab-separated columns. */
    private final byte[] text;
    /** Exact tags, sorted, with where their line starts at the same index: no boxing on the per-element path. */
    private final int[] tags;
    private final int[] lineStarts;
    /**
     * Entries decoded so far, at their tag's index. Filled without a lock: a {@link DictionaryEntry} is immutable
     * (final fields only), so a racing reader sees either null, and decodes the same entry again, or a whole one.
     */
    private final DictionaryEntry[] decoded;
    /** Entries whose tag has 'x' digits (repeating groups such as 60xx): mask, value and line start per entry. */
    private final int[] repeatingMasks;
    private final int[] repeatingValues;
    private final int[] repeatingLineStarts;
    private final DictionaryEntry[] repeatingDecoded;
    private volatile Map<String, DictionaryEntry> byKeyword;

    private static final class Holder {
        static final ElementDictionary INSTANCE = new ElementDictionary(read());
    }

    public static ElementDictionary standard() {
        return Holder.INSTANCE;
    }

    private static byte[] read() {
        try (InputStream in = ElementDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the DICOM data dictionary resource " + RESOURCE + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ElementDictionary(byte[] text) {
        this.text = text;
        // exact tags packed with their line start, so one sort orders both (signed, as binarySearch compares)
        long[] exact = new long[8192];
        int exactCount = 0;
        int[][] repeating = new int[3][1024];
        int repeatingCount = 0;
        for (int start = 0; start < text.length; start = nextLine(start)) {
            if (start + 8 > text.length || text[start] == '#' || text[start] == '\n' || text[start] == '\r') {
                continue;
            }
            int mask = 0;
            int value = 0;
            for (int i = 0; i < 8; i++) {
                int c = text[start + i];
                mask <<= 4;
                value <<= 4;
                if (c != 'x') {
                    mask |= 0xF;
                    value |= Character.digit(c, 16);
                }
            }
            if (mask == -1) {
                if (exactCount == exact.length) {
                    exact = Arrays.copyOf(exact, exactCount * 2);
                }
                exact[exactCount++] = ((long) value << 32) | start;
            } else {
                if (repeatingCount == repeating[0].length) {
                    for (int k = 0; k < repeating.length; k++) {
                        repeating[k] = Arrays.copyOf(repeating[k], repeatingCount * 2);
                    }
                }
                repeating[0][repeatingCount] = mask;
                repeating[1][repeatingCount] = value;
                repeating[2][repeatingCount] = start;
                repeatingCount++;
            }
        }
        Arrays.sort(exact, 0, exactCount);
        tags = new int[exactCount];
        lineStarts = new int[exactCount];
        for (int i = 0; i < exactCount; i++) {
            tags[i] = (int) (exact[i] >> 32);
            lineStarts[i] = (int) exact[i];
        }
        decoded = new DictionaryEntry[exactCount];
        repeatingMasks = Arrays.copyOf(repeating[0], repeatingCount);
        repeatingValues = Arrays.copyOf(repeating[1], repeatingCount);
        repeatingLineStarts = Arrays.copyOf(repeating[2], repeatingCount);
        repeatingDecoded = new DictionaryEntry[repeatingCount];
    }

    private int nextLine(int start) {
        int i = start;
        while (i < text.length && text[i] != '\n') {
            i++;
        }
        return i + 1;
    }

    /** The entry on the line starting at {@code start}, for {@code tag} (the tag itself for repeating groups). */
    private DictionaryEntry decode(int tag, int start) {
        String[] columns = new String[COLUMNS];
        int end = Math.min(nextLine(start) - 1, text.length);
        if (end > start && text[end - 1] == '\r') {
            end--; // a checkout that turned line ends into CRLF
        }
        int from = start;
        for (int c = 0; c < COLUMNS; c++) {
            int tab = from;
            while (tab < end && text[tab] != '\t') {
                tab++;
            }
            columns[c] = new String(text, from, tab - from, StandardCharsets.UTF_8);
            from = Math.min(tab + 1, end);
        }
        return new DictionaryEntry(tag, parseVrs(columns[1]), columns[2], columns[3], columns[4],
                "R".equals(columns[5]));
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
        int i = repeatingIndex(tag);
        return i < 0 ? Optional.empty() : Optional.of(repeating(i));
    }

    private int repeatingIndex(int tag) {
        if (Tags.isPrivate(tag) || (Tags.group(tag) & 1) != 0) {
            return -1;
        }
        for (int i = 0; i < repeatingMasks.length; i++) {
            if ((tag & repeatingMasks[i]) == repeatingValues[i]) {
                return i;
            }
        }
        return -1;
    }

    private DictionaryEntry repeating(int i) {
        DictionaryEntry entry = repeatingDecoded[i];
        if (entry == null) {
            entry = decode(repeatingValues[i], repeatingLineStarts[i]);
            repeatingDecoded[i] = entry;
        }
        return entry;
    }

    private DictionaryEntry exact(int tag) {
        int i = Arrays.binarySearch(tags, tag);
        return i >= 0 ? exactAt(i) : null;
    }

    private DictionaryEntry exactAt(int i) {
        DictionaryEntry entry = decoded[i];
        if (entry == null) {
            entry = decode(tags[i], lineStarts[i]);
            decoded[i] = entry;
        }
        return entry;
    }

    public Optional<DictionaryEntry> lookup(String keyword) {
        return Optional.ofNullable(byKeyword().get(keyword));
    }

    private Map<String, DictionaryEntry> byKeyword() {
        Map<String, DictionaryEntry> index = byKeyword;
        if (index == null) {
            synchronized (this) {
                index = byKeyword;
                if (index == null) {
                    index = new HashMap<>(8192);
                    for (int i = 0; i < tags.length; i++) {
                        DictionaryEntry entry = exactAt(i);
                        index.putIfAbsent(entry.keyword(), entry);
                    }
                    for (int i = 0; i < repeatingMasks.length; i++) {
                        DictionaryEntry entry = repeating(i);
                        index.putIfAbsent(entry.keyword(), entry);
                    }
                    byKeyword = index;
                }
            }
        }
        return index;
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
        DictionaryEntry entry = byKeyword().get(keyword);
        if (entry == null) {
            throw new IllegalArgumentException("no DICOM keyword '" + keyword + "'");
        }
        return entry.tag();
    }
}
