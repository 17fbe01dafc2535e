package org.sonocine.study;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.testing.FileSets;
import org.sonocine.testing.Samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ExamScannerTest {

    @Test
    void fileSetIsGroupedIntoPatientsStudiesAndSeries() throws IOException {
        List<InstanceEntry> found = new ArrayList<>();
        ScanSummary summary = new ExamScanner(2).scan(List.of(Samples.file("dicomdir")), new ScanListener() {
            @Override
            public void found(InstanceEntry entry) {
                found.add(entry);
            }
        }, () -> false);
        ExamTree tree = summary.tree();
        assertEquals(2, tree.patients().size());
        assertEquals(6, tree.studyCount());
        assertEquals(13, tree.seriesCount());
        assertEquals(31, tree.instanceCount());
        assertEquals(31, found.size());
        assertEquals(1, summary.skipped(), "the DICOMDIR itself is an index, not an image");
        assertThat(summary.failures()).isEmpty();
    }

    @Test
    void aDicomdirStandsForTheFilesItReferences() throws IOException {
        ScanSummary summary = new ExamScanner(1).scan(List.of(Samples.file("dicomdir/DICOMDIR")),
                new ScanListener() { }, () -> false);
        assertEquals(31, summary.tree().instanceCount());
        assertEquals(0, summary.skipped());
    }

    @Test
    void junkIsSkippedAndBrokenFilesAreListedWithoutStoppingTheScan(@TempDir Path dir) throws IOException {
        Files.copy(Samples.file("US1_UNCR.dcm"), dir.resolve("good.dcm"));
        Files.copy(Samples.file("MR_truncated.dcm"), dir.resolve("cut.dcm"));
        Files.writeString(dir.resolve("notes.txt"), "not an image");
        Files.createDirectories(dir.resolve("sub"));
        Files.write(dir.resolve("sub/empty"), new byte[0]);
        List<String> failures = new ArrayList<>();
        ScanSummary summary = new ExamScanner(2).scan(List.of(dir), new ScanListener() {
            @Override
            public void failed(Path file, String reason) {
                failures.add(file.getFileName() + ": " + reason);
            }
        }, () -> false);
        assertEquals(4, summary.files());
        assertEquals(2, summary.skipped());
        assertEquals(2, summary.tree().instanceCount(), "the truncated file's header is still listed");
        assertThat(failures).singleElement().asString().startsWith("cut.dcm: Pixel Data (7FE0,0010) declares 8192"
                + " bytes");
    }

    @Test
    void cancellingStopsTheScan() throws IOException {
        ScanSummary summary = new ExamScanner(1).scan(List.of(Samples.file("dicomdir")), new ScanListener() { },
                () -> true);
        assertThat(summary.cancelled()).isTrue();
        assertThat(summary.files()).isLessThan(32);
    }

    @Test
    void symbolicLinksAreFollowedAndLoopsWalkedOnce(@TempDir Path dir) throws IOException {
        Path real = Files.createDirectories(dir.resolve("real"));
        Files.copy(Samples.file("US1_UNCR.dcm"), real.resolve("a.dcm"));
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.copy(Samples.file("US-RGB-8-epicard"), other.resolve("b.dcm"));
        Files.createSymbolicLink(real.resolve("b-link.dcm"), other.resolve("b.dcm"));
        Files.createSymbolicLink(real.resolve("loop"), real);
        Path linkedRoot = Files.createSymbolicLink(dir.resolve("exams"), real);
        ScanSummary summary = new ExamScanner(1).scan(List.of(linkedRoot), new ScanListener() { }, () -> false);
        assertEquals(2, summary.tree().instanceCount(), "the linked folder, and the linked file in it");
        assertThat(summary.failures()).isEmpty();
    }

    @Test
    void aLinkToAFolderScannedAnywayIsWalkedOnce(@TempDir Path dir) throws IOException {
        Path real = Files.createDirectories(dir.resolve("real"));
        Files.copy(Samples.file("US1_UNCR.dcm"), real.resolve("a.dcm"));
        Files.createSymbolicLink(dir.resolve("same"), real);
        Files.createSymbolicLink(real.resolve("a-again.dcm"), real.resolve("a.dcm"));
        ScanSummary summary = new ExamScanner(1).scan(List.of(dir), new ScanListener() { }, () -> false);
        assertEquals(1, summary.files());
        assertEquals(1, summary.tree().instanceCount());
    }

    @Test
    void aDicomdirWhoseOffsetsAreLeftAtZeroFindsWhatTheLinkedOneFinds(@TempDir Path dir) throws IOException {
        ScanSummary linked = new ExamScanner(1).scan(List.of(Samples.file("dicomdir/DICOMDIR")),
                new ScanListener() { }, () -> false);
        Path unlinked = FileSets.copyOfSample(dir, FileSets::unlink, 0);

        ScanSummary summary = new ExamScanner(1).scan(List.of(unlinked), new ScanListener() { }, () -> false);

        assertEquals(sopInstanceUids(linked), sopInstanceUids(summary));
        assertEquals(linked.tree().patients().size(), summary.tree().patients().size());
        assertEquals(linked.tree().studyCount(), summary.tree().studyCount());
        assertEquals(linked.tree().seriesCount(), summary.tree().seriesCount());
        assertThat(summary.failures()).isEmpty();
        assertThat(summary.warnings()).isEmpty();
    }

    @Test
    void dicomdirReferencesLedOutOfTheFolderAreRefusedAsWarnings(@TempDir Path dir) throws IOException {
        Path media = Files.createDirectories(dir.resolve("media"));
        Files.copy(Samples.file("US1_UNCR.dcm"), media.resolve("IMG1"));
        Path outside = Files.copy(Samples.file("US-RGB-8-epicard"), dir.resolve("outside.dcm"));
        Files.createSymbolicLink(media.resolve("LINK"), outside);
        Path dicomdir = FileSets.writeImageRecords(media, new String[] {"IMG1"}, new String[] {"LINK"});
        List<String> heard = new ArrayList<>();

        ScanSummary summary = new ExamScanner(1).scan(List.of(dicomdir), new ScanListener() {
            @Override
            public void warned(Path source, String message) {
                heard.add(source.getFileName() + ": " + message);
            }
        }, () -> false);

        assertEquals(1, summary.tree().instanceCount());
        assertEquals(List.of("DICOMDIR: Referenced File ID 'LINK' refused: a symbolic link leads it out of the"
                + " DICOMDIR's folder"), heard);
        assertEquals(List.of(new ScanSummary.Warning(dicomdir, "Referenced File ID 'LINK' refused: a symbolic link"
                + " leads it out of the DICOMDIR's folder")), summary.warnings());
    }

    @Test
    void aDicomdirThatCannotBeReadFailsAloneAndTheOtherRootsAreScanned(@TempDir Path dir) throws IOException {
        Path notADirectory = Files.copy(Samples.file("US1_UNCR.dcm"),
                Files.createDirectories(dir.resolve("cd")).resolve("DICOMDIR"));
        Path exams = Files.createDirectories(dir.resolve("exams"));
        Files.copy(Samples.file("US-RGB-8-epicard"), exams.resolve("b.dcm"));

        ScanSummary summary = new ExamScanner(1).scan(List.of(notADirectory, exams), new ScanListener() { },
                () -> false);

        assertEquals(1, summary.tree().instanceCount());
        assertEquals(List.of(new ScanSummary.Failure(notADirectory, "not a DICOMDIR, it has no Directory Record"
                + " Sequence (0004,1220)")), summary.failures());
    }

    private static Set<String> sopInstanceUids(ScanSummary summary) {
        return summary.tree().patients().stream().flatMap(p -> p.studies().values().stream())
                .flatMap(s -> s.series().values().stream()).flatMap(s -> s.instances().stream())
                .map(InstanceEntry::sopInstanceUid).collect(Collectors.toCollection(TreeSet::new));
    }
}
