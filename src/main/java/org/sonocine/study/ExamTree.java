package org.sonocine.study;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
    // Classes, loops and lookups rather than lambdas, method references and streams: the first lambda a run links
    // sets up the JDK's method-handle machinery, which a short command pays for before it has looked at a file.

    /** Patients by name, ignoring case and with unnamed ones last, then by ID. */
    public static final Comparator<Patient> PATIENT_ORDER = new Comparator<>() {
        @Override
        public int compare(Patient a, Patient b) {
            return comparePatients(a, b);
        }
    };

    /** Studies newest first (date, then time), undated ones last, then by description. */
    public static final Comparator<Study> STUDY_ORDER = new Comparator<>() {
        @Override
        public int compare(Study a, Study b) {
            return compareStudies(a, b);
        }
    };

    /** Series by number, unnumbered ones last, then by description. */
    public static final Comparator<Series> SERIES_ORDER = new Comparator<>() {
        @Override
        public int compare(Series a, Series b) {
            return compareSeries(a, b);
        }
    };

    /** Instances by number, unnumbered ones last, then by file. */
    public static final Comparator<InstanceEntry> INSTANCE_ORDER = new Comparator<>() {
        @Override
        public int compare(InstanceEntry a, InstanceEntry b) {
            return compareInstances(a, b);
        }
    };

    /** A patient and their studies. */
    public record Patient(String id, String name, Map<String, Study> studies) {
        public List<Study> studyList() {
            return sorted(studies.values(), STUDY_ORDER);
        }
    }

    /** A study and its series; date and time as the header has them (DA, TM), empty when absent. */
    public record Study(String uid, String date, String time, String description, Map<String, Series> series) {
        public List<Series> seriesList() {
            return sorted(series.values(), SERIES_ORDER);
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
            return sorted(instances, INSTANCE_ORDER);
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

    /** What starts a file name beginning with a dot, such as "." and "..". */
    private static final String DOT_NAME = File.separator + ".";

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
        String patientKey = e.patientKey();
        Patient patient = patients.get(patientKey);
        boolean newPatient = patient == null;
        if (newPatient) {
            patient = new Patient(e.patientId(), e.patientName(), new LinkedHashMap<>());
            patients.put(patientKey, patient);
        }
        Study study = patient.studies().get(e.studyUid());
        boolean newStudy = study == null;
        if (newStudy) {
            study = new Study(e.studyUid(), e.studyDate(), e.studyTime(), e.studyDescription(), new LinkedHashMap<>());
            patient.studies().put(e.studyUid(), study);
        }
        Series series = study.series().get(e.seriesUid());
        boolean newSeries = series == null;
        if (newSeries) {
            series = new Series(e.seriesUid(), e.seriesNumber(), e.modality(), e.seriesDescription(),
                    new ArrayList<>());
            study.series().put(e.seriesUid(), series);
        }
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
        return sorted(patients.values(), PATIENT_ORDER);
    }

    public int instanceCount() {
        return byFile.size();
    }

    public int studyCount() {
        int count = 0;
        for (Patient patient : patients.values()) {
            count += patient.studies().size();
        }
        return count;
    }

    public int seriesCount() {
        int count = 0;
        for (Patient patient : patients.values()) {
            for (Study study : patient.studies().values()) {
                count += study.series().size();
            }
        }
        return count;
    }

    /** {@code items} in {@code order}, equal ones as they came, in a list that cannot be changed. */
    private static <T> List<T> sorted(Collection<T> items, Comparator<? super T> order) {
        List<T> list = new ArrayList<>(items);
        list.sort(order);
        return Collections.unmodifiableList(list);
    }

    private static Path normal(Path file) {
        Path absolute = file.toAbsolutePath();
        // Without a name that starts with a dot there is no "." or ".." to take out: a scan adds thousands of paths
        // that are normal already, and normalizing one allocates even then.
        return absolute.toString().contains(DOT_NAME) ? absolute.normalize() : absolute;
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
