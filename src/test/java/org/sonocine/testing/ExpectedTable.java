package org.sonocine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rows of the samples' expected.tsv (header facts and frame hashes agreed by two reference decoders). */
public final class ExpectedTable {
    private ExpectedTable() {
    }

    /** One row: column name to value ("" where the file has none). */
    public record Row(Map<String, String> columns) {
        public String get(String column) {
            String v = columns.get(column);
            if (v == null) {
                throw new IllegalArgumentException("expected.tsv has no column " + column);
            }
            return v;
        }

        public String file() {
            return get("file");
        }

        @Override
        public String toString() {
            return file();
        }
    }

    /** All rows; skips the calling test when the samples are absent. */
    public static List<Row> rows() {
        return rows("expected.tsv");
    }

    /** All rows of the table at {@code relativePath} in the samples folder (e.g. the defects' table). */
    public static List<Row> rows(String relativePath) {
        Path tsv = Samples.dir().resolve(relativePath);
        try {
            List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
            String[] header = lines.get(0).split("\t", -1);
            List<Row> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                Map<String, String> map = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    map.put(header[i], i < cells.length ? cells[i] : "");
                }
                rows.add(new Row(Collections.unmodifiableMap(map)));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
