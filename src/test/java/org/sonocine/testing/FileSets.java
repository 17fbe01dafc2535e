package org.sonocine.testing;

import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.DicomWriter;
import org.sonocine.dicom.Sequence;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** DICOMDIRs that tests write themselves: altered copies of the sample file set, or a few IMAGE records. */
public final class FileSets {
    private static final String MEDIA_STORAGE_DIRECTORY = "1.2.840.10008.1.3.10";

    private FileSets() {
    }

    /**
     * Copies the sample file set into {@code dir} with its DICOMDIR's records changed by {@code edit} and the
     * root offset set to {@code root}. Offsets keep their length, so rewriting leaves every record where it was.
     */
    public static Path copyOfSample(Path dir, Consumer<Sequence> edit, long root) throws IOException {
        Path source = Samples.file("dicomdir");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = dir.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().equals("DICOMDIR") && !Files.exists(target)) {
                    Files.copy(file, target);
                }
            }
        }
        Attributes ds;
        try (DicomFile original = DicomFile.open(source.resolve("DICOMDIR"))) {
            ds = original.dataset();
        }
        edit.accept(ds.getSequence(Tag.DirectoryRecordSequence));
        ds.setInt(Tag.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity, VR.UL, Math.toIntExact(root));
        ds.setInt(Tag.OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity, VR.UL, 0);
        ds.setString(Tag.SOPClassUID, VR.UI, MEDIA_STORAGE_DIRECTORY);
        Path dicomdir = dir.resolve("DICOMDIR");
        new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).writeFile(dicomdir, ds);
        return dicomdir;
    }

    /** Leaves every record's offsets at zero, as some writers do. */
    public static void unlink(Sequence records) {
        for (Attributes r : records) {
            r.setInt(Tag.OffsetOfTheNextDirectoryRecord, VR.UL, 0);
            r.setInt(Tag.OffsetOfReferencedLowerLevelDirectoryEntity, VR.UL, 0);
        }
    }

    /** A DICOMDIR in {@code folder} with one IMAGE record per Referenced File ID, offsets left at zero. */
    public static Path writeImageRecords(Path folder, String[]... ids) throws IOException {
        Attributes ds = new Attributes();
        ds.setInt(Tag.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity, VR.UL, 0);
        Sequence records = ds.newSequence(Tag.DirectoryRecordSequence);
        for (String[] id : ids) {
            Attributes r = records.addItem();
            r.setInt(Tag.OffsetOfTheNextDirectoryRecord, VR.UL, 0);
            r.setInt(Tag.OffsetOfReferencedLowerLevelDirectoryEntity, VR.UL, 0);
            r.setString(Tag.DirectoryRecordType, VR.CS, "IMAGE");
            r.setString(Tag.ReferencedFileID, VR.CS, id);
        }
        ds.setString(Tag.SOPClassUID, VR.UI, MEDIA_STORAGE_DIRECTORY);
        Path dicomdir = folder.resolve("DICOMDIR");
        new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).writeFile(dicomdir, ds);
        return dicomdir;
    }
}
