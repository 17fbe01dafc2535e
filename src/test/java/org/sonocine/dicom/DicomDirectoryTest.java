package org.sonocine.dicom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.testing.ExpectedTable;
import org.sonocine.testing.FileSets;
import org.sonocine.testing.Samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
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

    @Test
    void recordsWithOffsetsLeftAtZeroAreNestedByTheirStoredOrder(@TempDir Path dir) throws IOException {
        DicomDirectory original = DicomDirectory.read(Samples.file("dicomdir/DICOMDIR"));
        Path dicomdir = FileSets.copyOfSample(dir, FileSets::unlink, 0);

        DicomDirectory directory = DicomDirectory.read(dicomdir);

        assertEquals(shape(original.roots()), shape(directory.roots()));
        assertEquals(relative(original, Samples.file("dicomdir")), relative(directory, dir));
        assertThat(directory.problems()).isEmpty();
    }

    @Test
    void offsetsThatLinkOnlySomeRecordsKeepTheirTreeAndReportTheRestOnce(@TempDir Path dir) throws IOException {
        Consumer<Sequence> unlinkAndEscape = records -> {
            FileSets.unlink(records);
            records.get(3).setString(Tag.ReferencedFileID, VR.CS, "..", "ESCAPE");
            records.get(7).setString(Tag.ReferencedFileID, VR.CS, "..", "UNLINKED");
        };
        List<Long> positions = itemPositions(FileSets.copyOfSample(dir, unlinkAndEscape, 0));
        // The root, its first study, series and image are linked one below the other; no record links further.
        Path dicomdir = FileSets.copyOfSample(dir, unlinkAndEscape.andThen(records -> {
            for (int i = 0; i < 3; i++) {
                records.get(i).setInt(Tag.OffsetOfReferencedLowerLevelDirectoryEntity, VR.UL,
                        Math.toIntExact(positions.get(i + 1)));
            }
        }), positions.get(0));

        DicomDirectory directory = DicomDirectory.read(dicomdir);

        assertThat(directory.problems()).as("the file IDs of records left out are not looked at").containsExactly(
                "Referenced File ID '..\\ESCAPE' refused: it does not name a file inside the DICOMDIR's folder",
                "48 of the 52 directory records are not linked from the root record; they were left out");
        assertEquals("PATIENT(STUDY(SERIES(IMAGE)))", shape(directory.roots()));
        assertEquals(List.of(), directory.referencedFiles());
    }

    @Test
    void aLinkBrokenPartWayKeepsTheTreeBeforeIt(@TempDir Path dir) throws IOException {
        DicomDirectory original = DicomDirectory.read(Samples.file("dicomdir/DICOMDIR"));
        long originalRoot;
        List<Long> originalPositions;
        try (DicomFile file = DicomFile.open(Samples.file("dicomdir/DICOMDIR"))) {
            originalRoot = file.dataset().getLong(Tag.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity, 0, 0);
            originalPositions = file.dataset().getSequence(Tag.DirectoryRecordSequence).stream()
                    .map(Attributes::itemPosition).toList();
        }
        int firstPatient = originalPositions.indexOf(originalRoot);
        List<Long> positions = itemPositions(FileSets.copyOfSample(dir, records -> { }, 0));
        // The copy's records lie elsewhere than the original's: its offsets are moved with them, and the first
        // patient's link to the next patient is lost.
        Map<Long, Long> moved = new java.util.HashMap<>();
        for (int i = 0; i < positions.size(); i++) {
            moved.put(originalPositions.get(i), positions.get(i));
        }
        Path dicomdir = FileSets.copyOfSample(dir, records -> {
            for (Attributes r : records) {
                for (int tag : new int[] {Tag.OffsetOfTheNextDirectoryRecord,
                    Tag.OffsetOfReferencedLowerLevelDirectoryEntity}) {
                    long offset = r.getLong(tag, 0, 0);
                    r.setInt(tag, VR.UL, Math.toIntExact(offset == 0 ? 0 : moved.get(offset)));
                }
            }
            records.get(firstPatient).setInt(Tag.OffsetOfTheNextDirectoryRecord, VR.UL, 0);
        }, positions.get(firstPatient));

        DicomDirectory directory = DicomDirectory.read(dicomdir);

        DicomDirectory.DirectoryRecord kept = original.roots().get(0);
        int linked = size(List.of(kept));
        assertEquals(shape(List.of(kept)), shape(directory.roots()));
        assertThat(directory.problems()).containsExactly((52 - linked) + " of the 52 directory records are not"
                + " linked from the root record; they were left out");
        assertThat(relative(directory, dir)).isEqualTo(relative(original, Samples.file("dicomdir"))
                .subList(0, directory.referencedFiles().size())).isNotEmpty();
    }

    private static int size(List<DicomDirectory.DirectoryRecord> records) {
        return records.stream().mapToInt(r -> 1 + size(r.children())).sum();
    }

    @Test
    void fileIdsThatASymbolicLinkLeadsOutOfTheFolderAreRefused(@TempDir Path dir) throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path secret = Files.write(outside.resolve("secret"), new byte[] {1});
        Path media = Files.createDirectories(dir.resolve("media"));
        Path inside = Files.write(media.resolve("IMG1"), new byte[] {1});
        Files.createSymbolicLink(media.resolve("ALIAS"), inside);
        Files.createSymbolicLink(media.resolve("LINK"), secret);
        Files.createSymbolicLink(media.resolve("SUB"), outside);
        Path dicomdir = FileSets.writeImageRecords(media, new String[] {"IMG1"}, new String[] {"ALIAS"},
                new String[] {"LINK"}, new String[] {"SUB", "SECRET"});

        DicomDirectory directory = DicomDirectory.read(dicomdir);

        Path folder = media.toAbsolutePath().normalize();
        assertEquals(List.of(folder.resolve("IMG1"), folder.resolve("ALIAS")), directory.referencedFiles());
        assertThat(directory.problems()).containsExactly(
                "Referenced File ID 'LINK' refused: a symbolic link leads it out of the DICOMDIR's folder",
                "Referenced File ID 'SUB\\SECRET' refused: a symbolic link leads it out of the DICOMDIR's folder");
    }

    @Test
    void fileIdsNamingMissingFilesAreReportedAndNotListed(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("IMG1"), new byte[] {1});
        Path dicomdir = FileSets.writeImageRecords(dir, new String[] {"IMG1"}, new String[] {"GONE"});

        DicomDirectory directory = DicomDirectory.read(dicomdir);

        assertEquals(List.of(dir.toAbsolutePath().normalize().resolve("IMG1")), directory.referencedFiles());
        assertThat(directory.problems()).containsExactly("Referenced File ID 'GONE' names a missing file");
    }

    private static List<Long> itemPositions(Path dicomdir) throws IOException {
        try (DicomFile file = DicomFile.open(dicomdir)) {
            return file.dataset().getSequence(Tag.DirectoryRecordSequence).stream().map(Attributes::itemPosition)
                    .toList();
        }
    }

    /** The record types as nested, e.g. PATIENT(STUDY(SERIES(IMAGE))). */
    private static String shape(List<DicomDirectory.DirectoryRecord> records) {
        return records.stream().map(r -> r.type() + (r.children().isEmpty() ? "" : "(" + shape(r.children()) + ")"))
                .collect(Collectors.joining(" "));
    }

    private static List<String> relative(DicomDirectory directory, Path folder) {
        Path base = folder.toAbsolutePath().normalize();
        return directory.referencedFiles().stream().map(p -> base.relativize(p).toString()).toList();
    }
}
