package org.sonocine.study;

import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomException;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.KeptElements;
import org.sonocine.dicom.PersonName;
import org.sonocine.dicom.Tag;

import java.nio.file.Path;
import java.util.Optional;

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

    /**
     * The header elements {@link #of} reads: a scan keeps only these of each header it reads (it still reads the
     * rest, so that a damaged header is reported as ever).
     */
    static final KeptElements READ = KeptElements.only(Tag.PatientName, Tag.PatientID, Tag.StudyInstanceUID,
            Tag.StudyDate, Tag.StudyTime, Tag.StudyDescription, Tag.SeriesInstanceUID, Tag.SeriesNumber,
            Tag.SeriesDescription, Tag.Modality, Tag.SOPClassUID, Tag.SOPInstanceUID, Tag.InstanceNumber);

    static InstanceEntry of(Path path, DicomFile file) {
        Attributes ds = file.dataset();
        // no lambdas: a scan links none (see ExamTree)
        Optional<PersonName> name = ds.getPersonName(Tag.PatientName);
        Optional<DicomException> problem = file.problem();
        return new InstanceEntry(path, ds.getString(Tag.PatientID, ""),
                name.isPresent() ? name.get().toDisplayString() : "",
                ds.getString(Tag.StudyInstanceUID, ""), ds.getString(Tag.StudyDate, ""),
                ds.getString(Tag.StudyTime, ""),
                ds.getString(Tag.StudyDescription, ""), ds.getString(Tag.SeriesInstanceUID, ""),
                ds.getInt(Tag.SeriesNumber, NO_NUMBER), ds.getString(Tag.SeriesDescription, ""),
                ds.getString(Tag.Modality, ""),
                ds.getString(Tag.SOPClassUID, file.fileMeta().getString(Tag.MediaStorageSOPClassUID, "")),
                ds.getString(Tag.SOPInstanceUID, ""), ds.getInt(Tag.InstanceNumber, NO_NUMBER), file.numberOfFrames(),
                file.pixelData().isPresent(), problem.isPresent() ? FailureReason.of(path, problem.get()) : "");
    }

    /**
     * An instance an archive listed (QIDO-RS), known by the folder the cache keeps it in: the patient and study
     * from the study's match, the series from the series', the rest from the instance's.
     */
    public static InstanceEntry ofArchive(Path folder, Attributes study, Attributes series, Attributes instance) {
        String sopClass = instance.getString(Tag.SOPClassUID, "");
        // Structured reports and other documents have no pixels; archives do not say so in a search.
        boolean image = !sopClass.startsWith("1.2.840.10008.5.1.4.1.1.88.")
                && !sopClass.startsWith("1.2.840.10008.5.1.4.1.1.104.");
        return new InstanceEntry(folder, study.getString(Tag.PatientID, ""),
                study.getPersonName(Tag.PatientName).map(PersonName::toDisplayString).orElse(""),
                study.getString(Tag.StudyInstanceUID, ""), study.getString(Tag.StudyDate, ""),
                study.getString(Tag.StudyTime, ""), study.getString(Tag.StudyDescription, ""),
                series.getString(Tag.SeriesInstanceUID, ""), series.getInt(Tag.SeriesNumber, NO_NUMBER),
                series.getString(Tag.SeriesDescription, ""), series.getString(Tag.Modality, ""), sopClass,
                instance.getString(Tag.SOPInstanceUID, ""), instance.getInt(Tag.InstanceNumber, NO_NUMBER),
                Math.max(1, instance.getInt(Tag.NumberOfFrames, 1)), image, "");
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
