package org.sonocine.testing;

import org.sonocine.study.InstanceEntry;

import java.nio.file.Path;

/** Scan results made in code: an instance of patient "Jane Doe", study 1, series 1 unless told otherwise. */
public final class Entries {
    private Path path;
    private String patientName = "Jane Doe";
    private String patientId = "P1";
    private String studyUid = "1.2.1";
    private String studyDate = "20240301";
    private String studyTime = "";
    private String studyDescription = "";
    private String seriesUid = "1.2.1.1";
    private int seriesNumber = 1;
    private String seriesDescription = "";
    private int instanceNumber = 1;
    private boolean pixelData = true;

    private Entries(Path path) {
        this.path = path;
    }

    /** An instance read from {@code file} (under a made-up exam folder). */
    public static Entries entry(String file) {
        return new Entries(Path.of("exams", file));
    }

    public Entries patient(String name, String id) {
        patientName = name;
        patientId = id;
        return this;
    }

    public Entries study(String uid, String date, String time, String description) {
        studyUid = uid;
        studyDate = date;
        studyTime = time;
        studyDescription = description;
        return this;
    }

    public Entries series(String uid, int number, String description) {
        seriesUid = uid;
        seriesNumber = number;
        seriesDescription = description;
        return this;
    }

    public Entries number(int instance) {
        instanceNumber = instance;
        return this;
    }

    public Entries noPixelData() {
        pixelData = false;
        return this;
    }

    public InstanceEntry build() {
        return new InstanceEntry(path, patientId, patientName, studyUid, studyDate, studyTime, studyDescription,
                seriesUid, seriesNumber, seriesDescription, "US", "1.2.840.10008.5.1.4.1.1.6.1",
                "2.25." + Math.abs((long) path.toString().hashCode()), instanceNumber, 1, pixelData, "");
    }
}
