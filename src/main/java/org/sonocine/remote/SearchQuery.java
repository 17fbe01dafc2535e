package org.sonocine.remote;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What to search for (QIDO-RS, PS3.18 section 10.6): patient name (with * and ? wildcards), patient ID, study date
 * range, modality, accession number, and which page of the results. Blank criteria are left out. Immutable;
 * each {@code with...} returns a changed copy.
 */
public record SearchQuery(String patientName, String patientId, LocalDate from, LocalDate to, String modality,
                          String accessionNumber, int limit, int offset) {

    /** Results a page holds unless asked otherwise. */
    public static final int DEFAULT_LIMIT = 100;

    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    /** The attributes a browser shows at each level, asked for beyond what an archive returns by default. */
    static final List<String> STUDY_FIELDS = List.of("00100010", "00100020", "00100030", "00080020", "00080030",
            "00081030", "00080050", "00080061", "00201206", "00201208");
    static final List<String> SERIES_FIELDS = List.of("0008103E", "00200011", "00080060", "00080021", "00201209");
    static final List<String> INSTANCE_FIELDS = List.of("00200013", "00280008", "00080016", "00280010", "00280011",
            "00020010", "00083002");

    public SearchQuery {
        if (limit < 1 || offset < 0) {
            throw new IllegalArgumentException("a page needs a positive limit and an offset of at least 0");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("the date range ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public static SearchQuery all() {
        return new SearchQuery(null, null, null, null, null, null, DEFAULT_LIMIT, 0);
    }

    public SearchQuery withPatientName(String value) {
        return new SearchQuery(value, patientId, from, to, modality, accessionNumber, limit, offset);
    }

    public SearchQuery withPatientId(String value) {
        return new SearchQuery(patientName, value, from, to, modality, accessionNumber, limit, offset);
    }

    /** Studies from {@code start} to {@code end}, both included; either may be null for an open end. */
    public SearchQuery withDates(LocalDate start, LocalDate end) {
        return new SearchQuery(patientName, patientId, start, end, modality, accessionNumber, limit, offset);
    }

    public SearchQuery withModality(String value) {
        return new SearchQuery(patientName, patientId, from, to, value, accessionNumber, limit, offset);
    }

    public SearchQuery withAccessionNumber(String value) {
        return new SearchQuery(patientName, patientId, from, to, modality, value, limit, offset);
    }

    public SearchQuery withPage(int pageLimit, int pageOffset) {
        return new SearchQuery(patientName, patientId, from, to, modality, accessionNumber, pageLimit, pageOffset);
    }

    /** The next page after one of {@link #limit} results. */
    public SearchQuery nextPage() {
        return withPage(limit, offset + limit);
    }

    /**
     * Parses a date range as a user writes it: {@code 20240101-20241231}, {@code 2024-01-01-2024-12-31}, an open
     * end ({@code 20240101-}, {@code -20241231}) or one day ({@code 20240315}).
     */
    public static LocalDate[] parseDateRange(String text) {
        String t = text.trim();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(\\d{8}|\\d{4}-\\d{2}-\\d{2})?(-)?(\\d{8}|\\d{4}-\\d{2}-\\d{2})?").matcher(t);
        if (t.isEmpty() || !m.matches() || (m.group(1) == null && m.group(3) == null)) {
            throw new IllegalArgumentException("not a date range: '" + text + "' (expected e.g. 20240101-20241231)");
        }
        LocalDate start = date(m.group(1));
        LocalDate end = m.group(2) == null ? start : date(m.group(3));
        return new LocalDate[] {start, end};
    }

    private static LocalDate date(String s) {
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s.replace("-", ""), DA);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("not a date: '" + s + "'");
        }
    }

    /** The query string for a search at {@code level}: criteria, include fields and paging. */
    String toQueryString(Level level) {
        List<String> params = new ArrayList<>();
        if (level == Level.STUDIES) {
            add(params, "PatientName", patientName);
            add(params, "PatientID", patientId);
            add(params, "AccessionNumber", accessionNumber);
            add(params, "ModalitiesInStudy", modality);
            dateRange().ifPresent(r -> params.add("StudyDate=" + r));
        } else if (level == Level.SERIES) {
            add(params, "Modality", modality);
        }
        for (String field : level.fields()) {
            params.add("includefield=" + field);
        }
        params.add("limit=" + limit);
        if (offset > 0) {
            params.add("offset=" + offset);
        }
        return String.join("&", params);
    }

    private Optional<String> dateRange() {
        if (from == null && to == null) {
            return Optional.empty();
        }
        String a = from == null ? "" : from.format(DA);
        String b = to == null ? "" : to.format(DA);
        return Optional.of(a.equals(b) ? a : a + "-" + b);
    }

    private static void add(List<String> params, String key, String value) {
        if (value != null && !value.isBlank()) {
            params.add(key + "=" + URLEncoder.encode(value.trim(), StandardCharsets.UTF_8).replace("+", "%20")
                    .replace("%2A", "*").replace("%3F", "?"));
        }
    }

    /** The three levels of a search. */
    enum Level {
        STUDIES(STUDY_FIELDS), SERIES(SERIES_FIELDS), INSTANCES(INSTANCE_FIELDS);

        private final List<String> fields;

        Level(List<String> fields) {
            this.fields = fields;
        }

        List<String> fields() {
            return fields;
        }
    }
}
