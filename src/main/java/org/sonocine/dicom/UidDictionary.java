package org.sonocine.dicom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Names of the UIDs of PS3.6 Annex A (SOP classes, transfer syntaxes, ...), from {@code uids.tsv}. */
public final class UidDictionary {
    /** A registered UID with its keyword, its name and what kind of thing it identifies. */
    public record Entry(String uid, String keyword, String name, String type, boolean retired) {
    }

    private static final class Holder {
        static final Map<String, Entry> ENTRIES = load();
    }

    private UidDictionary() {
    }

    private static Map<String, Entry> load() {
        Map<String, Entry> entries = new HashMap<>(1024);
        try (InputStream in = UidDictionary.class.getResourceAsStream("uids.tsv")) {
            if (in == null) {
                throw new IllegalStateException("the DICOM UID dictionary resource uids.tsv is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.isEmpty()) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                entries.put(c[0], new Entry(c[0], c[1], c[2], c[3], "R".equals(c[4])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    public static Optional<Entry> lookup(String uid) {
        return uid == null ? Optional.empty() : Optional.ofNullable(Holder.ENTRIES.get(uid.trim()));
    }

    /** The registered name, or the UID itself when it is not a standard one. */
    public static String nameOf(String uid) {
        return lookup(uid).map(Entry::name).orElse(uid);
    }
}
