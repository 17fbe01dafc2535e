package org.sonocine.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Instances grouped as a reader browses them: patient, study, series. Built incrementally as a scan finds files;
 * not thread-safe (the scanner feeds it from one thread at a time).
 */
public final class ExamTree {
    /** A patient and their studies. */
    public record Patient(String id, String name, Map<String, Study> studies) {
        public List<Study> studyList() {
            return studies.values().stream().sorted(Comparator.comparing(Study::date).reversed()).toList();
        }
    }

    /** A study and its series. */
    public record Study(String uid, String date, String description, Map<String, Series> series) {
        public List<Series> seriesList() {
            return series.values().stream().sorted(Comparator.comparingInt(Series::number)).toList();
        }
    }

    /** A series and its instances. */
    public record Series(String uid, int number, String modality, String description, List<InstanceEntry> instances) {
        public List<InstanceEntry> sortedInstances() {
            return instances.stream().sorted(Comparator.comparingInt(InstanceEntry::instanceNumber)
                    .thenComparing(e -> e.path().toString())).toList();
        }
    }

    private final Map<String, Patient> patients = new LinkedHashMap<>();
    private int instances;

    /** Adds an entry and returns the series it joined. */
    public Series add(InstanceEntry e) {
        Patient patient = patients.computeIfAbsent(e.patientKey(),
                k -> new Patient(e.patientId(), e.patientName(), new LinkedHashMap<>()));
        Study study = patient.studies().computeIfAbsent(e.studyUid(),
                k -> new Study(e.studyUid(), e.studyDate(), e.studyDescription(), new LinkedHashMap<>()));
        Series series = study.series().computeIfAbsent(e.seriesUid(),
                k -> new Series(e.seriesUid(), e.seriesNumber(), e.modality(), e.seriesDescription(), new ArrayList<>()));
        series.instances().add(e);
        instances++;
        return series;
    }

    public List<Patient> patients() {
        return List.copyOf(patients.values());
    }

    public int instanceCount() {
        return instances;
    }

    public int studyCount() {
        return patients.values().stream().mapToInt(p -> p.studies().size()).sum();
    }

    public int seriesCount() {
        return patients.values().stream().flatMap(p -> p.studies().values().stream())
                .mapToInt(s -> s.series().size()).sum();
    }
}
