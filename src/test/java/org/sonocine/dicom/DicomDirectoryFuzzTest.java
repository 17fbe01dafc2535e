package org.sonocine.dicom;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sonocine.testing.FuzzProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * DICOMDIRs: an input is a DICOMDIR file, read as {@link DicomDirectory#read} reads one, in a folder that holds two
 * of the files its seeds reference. Its records are walked; it gives a tree, or a readable DicomException, and never
 * a file outside its folder.
 */
class DicomDirectoryFuzzTest {
    private static final Path FOLDER = folder();

    static Stream<Arguments> seeds() {
        return Stream.of(
                seed("linked by offsets", directory(true, new String[] {"IMAGES", "IM1"})),
                seed("in sequence order", directory(false, new String[] {"IM2"})),
                seed("refused and missing files", directory(false, new String[] {"..", "IM1"},
                        new String[] {"C:", "X"}, new String[] {"im2"}, new String[] {"NONE"})));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "2m")
    void dicomdirs(byte[] input) throws Exception {
        Path dicomdir = FOLDER.resolve("DICOMDIR");
        FuzzProperty.holds(() -> {
            try (DicomFile file = DicomFile.read(input)) {
                DicomDirectory directory = DicomDirectory.of(dicomdir, file.dataset());
                for (String problem : directory.problems()) {
                    FuzzProperty.requireReadableMessage(problem, null);
                }
                for (Path referenced : directory.referencedFiles()) {
                    if (!referenced.startsWith(FOLDER)) {
                        throw new AssertionError("a referenced file outside the DICOMDIR's folder: " + referenced);
                    }
                }
            }
        });
    }

    @AfterAll
    static void removeFolder() throws IOException {
        try (Stream<Path> paths = Files.walk(FOLDER)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static Path folder() {
        try {
            Path folder = Files.createTempDirectory("dicomdir-fuzz").toRealPath();
            Files.createDirectories(folder.resolve("IMAGES"));
            Files.write(folder.resolve("IMAGES").resolve("IM1"), new byte[] {1});
            Files.write(folder.resolve("IM2"), new byte[] {2});
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A patient, a study, a series and one image record per file ID. */
    private static Attributes directory(boolean offsets, String[]... fileIds) {
        Attributes ds = new Attributes();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.1.3.10");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.3");
        ds.setString(Tag.FileSetID, VR.CS, "FUZZ");
        ds.setInt(Tag.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity, VR.UL, 0);
        ds.setInt(Tag.OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity, VR.UL, 0);
        Sequence records = ds.newSequence(Tag.DirectoryRecordSequence);
        record(records, "PATIENT").setString(Tag.PatientName, VR.PN, "Doe^Jane");
        record(records, "STUDY").setString(Tag.StudyInstanceUID, VR.UI, "2.25.4");
        record(records, "SERIES").setString(Tag.SeriesInstanceUID, VR.UI, "2.25.5");
        for (String[] id : fileIds) {
            record(records, "IMAGE").setString(Tag.ReferencedFileID, VR.CS, id);
        }
        return offsets ? linked(ds) : ds;
    }

    private static Attributes record(Sequence records, String type) {
        Attributes r = records.addItem();
        r.setInt(Tag.OffsetOfTheNextDirectoryRecord, VR.UL, 0);
        r.setInt(Tag.RecordInUseFlag, VR.US, 0xFFFF);
        r.setInt(Tag.OffsetOfReferencedLowerLevelDirectoryEntity, VR.UL, 0);
        r.setString(Tag.DirectoryRecordType, VR.CS, type);
        return r;
    }

    /**
     * Links the records by their byte offsets, as a DICOMDIR writer does: each level's first record is the one
     * below the record before it. The offsets are where the records land in the file, which is known once written.
     */
    private static Attributes linked(Attributes ds) {
        try {
            Attributes read = DicomFile.read(toBytes(ds)).dataset();
            Sequence records = read.getSequence(Tag.DirectoryRecordSequence);
            Sequence written = ds.getSequence(Tag.DirectoryRecordSequence);
            ds.setInt(Tag.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity, VR.UL,
                    (int) records.get(0).itemPosition());
            for (int i = 0; i + 1 < records.size(); i++) {
                boolean image = "IMAGE".equals(records.get(i).getString(Tag.DirectoryRecordType));
                written.get(i).setInt(image ? Tag.OffsetOfTheNextDirectoryRecord
                        : Tag.OffsetOfReferencedLowerLevelDirectoryEntity, VR.UL, (int) records.get(i + 1).itemPosition());
            }
            return ds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] toBytes(Attributes ds) throws IOException {
        return new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).definedLengths(true).toPart10Bytes(ds);
    }

    private static Arguments seed(String name, Attributes ds) {
        try {
            return Arguments.of(Named.of(name, toBytes(ds)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
