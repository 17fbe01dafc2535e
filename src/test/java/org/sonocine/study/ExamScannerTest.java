package org.sonocine.study;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.testing.Samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        assertThat(failures).singleElement().asString().startsWith("cut.dcm: cut.dcm: Pixel Data (7FE0,0010)"
                + " declares 8192 bytes");
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
}
