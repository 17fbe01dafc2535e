package org.sonocine.dicom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.testing.ExpectedTable;
import org.sonocine.testing.Samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DicomDirectoryTest {

    @Test
    void listsEveryFileOfTheSampleFileSet() throws IOException {
        Path dicomdir = Samples.file("dicomdir/DICOMDIR");
        DicomDirectory directory = DicomDirectory.read(dicomdir);
        Set<String> listed = directory.referencedFiles().stream()
                .map(p -> Samples.dir().toAbsolutePath().normalize().relativize(p).toString())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = ExpectedTable.rows().stream().map(ExpectedTable.Row::file)
                .filter(f -> f.startsWith("dicomdir/") && !f.endsWith("DICOMDIR"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(31, listed.size());
        assertEquals(expected, listed);
        assertThat(directory.problems()).isEmpty();
        directory.referencedFiles().forEach(p -> assertTrue(Files.isRegularFile(p), p + " exists"));
    }

    @Test
    void recordTreeHasPatientsStudiesSeriesAndImages() throws IOException {
        DicomDirectory directory = DicomDirectory.read(Samples.file("dicomdir/DICOMDIR"));
        Map<String, Integer> counts = new java.util.TreeMap<>();
        count(directory.roots(), counts);
        assertEquals(Map.of("IMAGE", 31, "PATIENT", 2, "SERIES", 13, "STUDY", 6), counts);
        assertThat(directory.roots()).allMatch(r -> r.type().equals("PATIENT"));
    }

    private static void count(java.util.List<DicomDirectory.DirectoryRecord> records, Map<String, Integer> counts) {
        for (DicomDirectory.DirectoryRecord r : records) {
            counts.merge(r.type(), 1, Integer::sum);
            count(r.children(), counts);
        }
    }

    @Test
    void fileIdsThatEscapeTheFolderAreRefused(@TempDir Path dir) throws IOException {
        Path inside = dir.resolve("IMG1");
        Files.write(inside, new byte[] {1});
        Attributes ds = new Attributes();
        ds.setInt(Tag.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity, VR.UL, 0);
        Sequence records = ds.newSequence(Tag.DirectoryRecordSequence);
        for (String[] id : new String[][] {{"..", "..", "etc", "passwd"}, {"IMG1"}, {"C:", "WINDOWS"}}) {
            Attributes r = records.addItem();
            r.setInt(Tag.OffsetOfTheNextDirectoryRecord, VR.UL, 0);
            r.setInt(Tag.OffsetOfReferencedLowerLevelDirectoryEntity, VR.UL, 0);
            r.setString(Tag.DirectoryRecordType, VR.CS, "IMAGE");
            r.setString(Tag.ReferencedFileID, VR.CS, id);
        }
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.1.3.10");
        Path dicomdir = dir.resolve("DICOMDIR");
        new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).writeFile(dicomdir, ds);

        DicomDirectory directory = DicomDirectory.read(dicomdir);

        assertEquals(java.util.List.of(inside.toAbsolutePath().normalize()), directory.referencedFiles());
        assertThat(directory.problems()).containsExactly(
                "Referenced File ID '..\\..\\etc\\passwd' refused: it does not name a file inside the DICOMDIR's folder",
                "Referenced File ID 'C:\\WINDOWS' refused: it does not name a file inside the DICOMDIR's folder");
    }
}
