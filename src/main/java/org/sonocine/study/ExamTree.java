package org.sonocine.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Instances grouped as a reader browses them: patient, study, series; each file once, however often it is added.
 * Built incrementally as a scan finds files; not thread-safe (the scanner feeds it from one thread at a time).
 *
 * <p>The order a reader expects is kept here, so that every view of the tree (the viewer's browser, {@code sonocine
 * scan}) lists it alike: patients by name (ignoring case), then ID; studies newest first, undated ones last; series
 * and instances by number, unnumbered ones last.
 */
public final class ExamTree {
    // Written out rather than chained from Comparator.comparing: each link of a chain is a lambda the JDK spins
    // when the class starts, which a short command pays for before it has looked at a single file.

    /** Patients by name, ignoring case and with unnamed ones last, then by ID. */
    public static final Comparator<Patient> PATIENT_ORDER = ExamTree::comparePatients;

    /** Studies newest first (date, then time), undated ones last, then by description. */
    public static final Comparator<Study> STUDY_ORDER = ExamTree::compareStudies;

    /** Series by number, unnumbered ones last, then by description. */
    public static final Comparator<Series> SERIES_ORDER = ExamTree::compareSeries;

    /** Instances by number, unnumbered ones last, then by file. */
    public static final Comparator<InstanceEntry> INSTANCE_ORDER = ExamTree::compareInstances;

    /** A patient and their studies. */
    public record Patient(String id, String name, Map<String, Study> studies) {
        public List<Study> studyList() {
            return studies.values().stream().sorted(STUDY_ORDER).toList();
        }
    }

    /** A study and its series; date and time as the header has them (DA, TM), empty when absent. */
    public record Study(String uid, String date, String time, String description, Map<String, Series> series) {
        public List<Series> seriesList() {
            return series.values().stream().sorted(SERIES_ORDER).toList();
        }

        /** Whether the study has a usable date (DA, or the older form with dots). */
        public boolean isDated() {
            return digits(date).length() == 8;
        }

        /** Date and time as one string that sorts in time order; empty when undated. */
        String sortKey() {
            if (!isDated()) {
                return "";
            }
            String fraction = time.contains(".") ? time.substring(time.indexOf('.') + 1) : "";
            String whole = digits(time.contains(".") ? time.substring(0, time.indexOf('.')) : time);
            // TM may stop after the hour or the minute: the missing parts count as zero.
            return digits(date) + (whole + "000000").substring(0, 6) + (digits(fraction) + "000000").substring(0, 6);
        }
    }

    /** A series and its instances ({@code number} is {@link InstanceEntry#NO_NUMBER} when the header has none). */
    public record Series(String uid, int number, String modality, String description, List<InstanceEntry> instances) {
        public List<InstanceEntry> sortedInstances() {
            return instances.stream().sorted(INSTANCE_ORDER).toList();
        }

        public boolean isNumbered() {
            return number != InstanceEntry.NO_NUMBER;
        }
    }

    /** Where an instance sits in the tree. */
    public record Location(Patient patient, Study study, Series series, InstanceEntry instance) {
    }

    /** Where an added instance went, and whether its patient, study and series came with it. */
    public record Added(Location location, boolean newPatient, boolean newStudy, boolean newSeries) {
    }

    private final Map<String, Patient> patients = new LinkedHashMap<>();
    private final Map<Path, Location> byFile = new HashMap<>();

    /**
     * Adds an entry and says where it went; a file already in the tree (found twice, or opened again) is not added
     * a second time, and the answer is then empty.
     */
    public Optional<Added> add(InstanceEntry e) {
        Path file = normal(e.path());
        if (byFile.containsKey(file)) {
            return Optional.empty();
        }
        boolean newPatient = !patients.containsKey(e.patientKey());
        Patient patient = patients.computeIfAbsent(e.patientKey(),
                k -> new Patient(e.patientId(), e.patientName(), new LinkedHashMap<>()));
        boolean newStudy = !patient.studies().containsKey(e.studyUid());
        Study study = patient.studies().computeIfAbsent(e.studyUid(), k -> new Study(e.studyUid(), e.studyDate(),
                e.studyTime(), e.studyDescription(), new LinkedHashMap<>()));
        boolean newSeries = !study.series().containsKey(e.seriesUid());
        Series series = study.series().computeIfAbsent(e.seriesUid(),
                k -> new Series(e.seriesUid(), e.seriesNumber(), e.modality(), e.seriesDescription(), new ArrayList<>()));
        series.instances().add(e);
        Location location = new Location(patient, study, series, e);
        byFile.put(file, location);
        return Optional.of(new Added(location, newPatient, newStudy, newSeries));
    }

    /** Where the instance read from {@code file} sits, if the tree holds it. */
    public Optional<Location> find(Path file) {
        return Optional.ofNullable(byFile.get(normal(file)));
    }

    /** The patients in the order a reader expects ({@link #PATIENT_ORDER}). */
    public List<Patient> patients() {
        return patients.values().stream().sorted(PATIENT_ORDER).toList();
    }

    public int instanceCount() {
        return byFile.size();
    }

    public int studyCount() {
        return patients.values().stream().mapToInt(p -> p.studies().size()).sum();
    }

    public int seriesCount() {
        return patients.values().stream().flatMap(p -> p.studies().values().stream())
                .mapToInt(s -> s.series().size()).sum();
    }

    private static Path normal(Path file) {
        return file.toAbsolutePath().normalize();
    }

    private static int comparePatients(Patient a, Patient b) {
        int order = compareNames(a.name(), b.name());
        if (order == 0) {
            order = a.id().compareTo(b.id());
        }
        return order != 0 ? order : a.name().compareTo(b.name());
    }

    private static int compareStudies(Study a, Study b) {
        int order = newestFirst(a.sortKey(), b.sortKey());
        if (order == 0) {
            order = compareNames(a.description(), b.description());
        }
        return order != 0 ? order : a.uid().compareTo(b.uid());
    }

    private static int compareSeries(Series a, Series b) {
        int order = Long.compare(numberKey(a.number()), numberKey(b.number()));
        if (order == 0) {
            order = compareNames(a.description(), b.description());
        }
        return order != 0 ? order : a.uid().compareTo(b.uid());
    }

    private static int compareInstances(InstanceEntry a, InstanceEntry b) {
        int order = Long.compare(numberKey(a.instanceNumber()), numberKey(b.instanceNumber()));
        return order != 0 ? order : a.path().toString().compareTo(b.path().toString());
    }

    /** Names and descriptions as a reader sorts them: ignoring case, and blank ones after all the others. */
    private static int compareNames(String a, String b) {
        boolean blankA = a.isBlank();
        boolean blankB = b.isBlank();
        if (blankA || blankB) {
            return Boolean.compare(blankA, blankB);
        }
        return NameOrder.compare(a, b);
    }

    /** Sort keys in descending order, with the empty key (undated) after all the others. */
    private static int newestFirst(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty());
        }
        return b.compareTo(a);
    }

    /** Numbers ascending, a missing number after every real one. */
    private static long numberKey(int number) {
        return number == InstanceEntry.NO_NUMBER ? Long.MAX_VALUE : number;
    }

    private static String digits(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
