package org.sonocine.study;

import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.PersonName;
import org.sonocine.dicom.Tag;

import java.nio.file.Path;

/**
 * One file found by a scan, with the header facts that place it in patient, study and series, and the reason it
 * could not be read in full, if any ({@code problem} empty when intact; it does not repeat the file's name).
 * Series and instance numbers are {@link #NO_NUMBER} when the header has none.
 */
public record InstanceEntry(Path path, String patientId, String patientName, String studyUid, String studyDate,
                            String studyTime, String studyDescription, String seriesUid, int seriesNumber,
                            String seriesDescription,
                            String modality, String sopClassUid, String sopInstanceUid, int instanceNumber,
                            int frames, boolean hasPixelData, String problem) {
    /** The number of a series or instance whose header has none (Series and Instance Number are type 2). */
    public static final int NO_NUMBER = Integer.MIN_VALUE;

    static InstanceEntry of(Path path, DicomFile file) {
        Attributes ds = file.dataset();
        return new InstanceEntry(path, ds.getString(Tag.PatientID, ""),
                ds.getPersonName(Tag.PatientName).map(PersonName::toDisplayString).orElse(""),
                ds.getString(Tag.StudyInstanceUID, ""), ds.getString(Tag.StudyDate, ""),
                ds.getString(Tag.StudyTime, ""),
                ds.getString(Tag.StudyDescription, ""), ds.getString(Tag.SeriesInstanceUID, ""),
                ds.getInt(Tag.SeriesNumber, NO_NUMBER), ds.getString(Tag.SeriesDescription, ""),
                ds.getString(Tag.Modality, ""),
                ds.getString(Tag.SOPClassUID, file.fileMeta().getString(Tag.MediaStorageSOPClassUID, "")),
                ds.getString(Tag.SOPInstanceUID, ""), ds.getInt(Tag.InstanceNumber, NO_NUMBER), file.numberOfFrames(),
                file.pixelData().isPresent(), file.problem().map(p -> FailureReason.of(path, p)).orElse(""));
    }

    /** Patients are told apart by ID and name, since IDs alone repeat across institutions. */
    public String patientKey() {
        return patientId + "\u0000" + patientName;
    }

    public boolean hasInstanceNumber() {
        return instanceNumber != NO_NUMBER;
    }

    public boolean isIntact() {
        return problem.isEmpty();
    }
}
