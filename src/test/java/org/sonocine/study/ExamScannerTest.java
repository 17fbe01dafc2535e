package org.sonocine.study;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.testing.FileSets;
import org.sonocine.testing.Samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class ExamScannerTest {

    @Test
    void fileSetIsGroupedIntoPatientsStudiesAndSeries() throws IOException {
        List<InstanceEntry> found = new ArrayList<>();
        ScanSummary summary = scanOnPool(List.of(Samples.file("dicomdir")), new ScanListener() {
            @Override
            public void found(InstanceEntry entry) {
                found.add(entry);
            }
        });
        ExamTree tree = summary.tree();
        assertEquals(2, tree.patients().size());
        assertEquals(6, tree.studyCount());
        assertEquals(13, tree.seriesCount());
        assertEquals(31, tree.instanceCount());
        assertEquals(31, found.size());
        assertEquals(0, summary.skipped(), "the DICOMDIR itself is an index: DICOM, not an image, not skipped");
        assertThat(summary.failures()).isEmpty();
    }

    @Test
    void aDicomdirStandsForTheFilesItReferences() throws IOException {
        ScanSummary summary = scan(List.of(Samples.file("dicomdir/DICOMDIR")),
                new ScanListener() { });
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
        ScanSummary summary = scanOnPool(List.of(dir), new ScanListener() {
            @Override
            public void failed(Path file, String reason) {
                failures.add(file.getFileName() + ": " + reason);
            }
        });
        assertEquals(4, summary.files());
        assertEquals(2, summary.skipped());
        assertEquals(2, summary.tree().instanceCount(), "the truncated file's header is still listed");
        assertThat(failures).singleElement().asString().startsWith("cut.dcm: Pixel Data (7FE0,0010) declares 8192"
                + " bytes");
    }

    @Test
    void aScanCancelledBeforeItStartsExaminesNothing() {
        ScanSummary summary = new ExamScanner(Runnable::run, 1).scan(List.of(Samples.file("dicomdir")),
                new ScanListener() { }, () -> true).join();
        assertThat(summary.cancelled()).isTrue();
        assertEquals(0, summary.files());
        assertEquals(0, summary.total());
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
        ScanSummary summary = scan(List.of(linkedRoot), new ScanListener() { });
        assertEquals(2, summary.tree().instanceCount(), "the linked folder, and the linked file in it");
        assertThat(summary.failures()).isEmpty();
    }

    @Test
    void aBrokenLinkInAFolderIsReportedAsWhenGivenByName(@TempDir Path dir) throws IOException {
        Path exam = Files.createDirectories(dir.resolve("exam"));
        Files.copy(Samples.file("US1_UNCR.dcm"), exam.resolve("IMG1.dcm"));
        Files.createSymbolicLink(exam.resolve("IMG2.dcm"), dir.resolve("moved-away.dcm"));

        ScanSummary inFolder = scan(List.of(exam), new ScanListener() { });
        ScanSummary byName = scan(List.of(exam.resolve("IMG2.dcm")), new ScanListener() { });

        assertEquals(1, inFolder.tree().instanceCount());
        assertEquals(List.of(new ScanSummary.Failure(exam.resolve("IMG2.dcm"), "no such file")), inFolder.failures());
        assertEquals(byName.failures(), inFolder.failures());
        assertEquals(2, inFolder.total());
    }

    @Test
    void aLinkToAFolderScannedAnywayIsWalkedOnce(@TempDir Path dir) throws IOException {
        Path real = Files.createDirectories(dir.resolve("real"));
        Files.copy(Samples.file("US1_UNCR.dcm"), real.resolve("a.dcm"));
        Files.createSymbolicLink(dir.resolve("same"), real);
        Files.createSymbolicLink(real.resolve("a-again.dcm"), real.resolve("a.dcm"));
        ScanSummary summary = scan(List.of(dir), new ScanListener() { });
        assertEquals(1, summary.files());
        assertEquals(1, summary.tree().instanceCount());
    }

    @Test
    void aFolderAndItsDicomdirGivenTogetherExamineEachFileOnce() throws IOException {
        Path folder = Samples.file("dicomdir");
        List<Path> examined = new ArrayList<>();
        ScanSummary summary = scan(List.of(folder, folder.resolve("DICOMDIR")), new ScanListener() {
            @Override
            public void found(InstanceEntry entry) {
                examined.add(entry.path());
            }
        });
        assertEquals(31, summary.tree().instanceCount());
        assertEquals(31, examined.size());
        assertEquals(32, summary.files(), "31 images and the DICOMDIR itself");
        assertEquals(0, summary.skipped(), "a DICOMDIR is not counted as not DICOM");
    }

    @Test
    void aDicomdirWhoseOffsetsAreLeftAtZeroFindsWhatTheLinkedOneFinds(@TempDir Path dir) throws IOException {
        ScanSummary linked = scan(List.of(Samples.file("dicomdir/DICOMDIR")),
                new ScanListener() { });
        Path unlinked = FileSets.copyOfSample(dir, FileSets::unlink, 0);

        ScanSummary summary = scan(List.of(unlinked), new ScanListener() { });

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

        ScanSummary summary = scan(List.of(dicomdir), new ScanListener() {
            @Override
            public void warned(Path source, String message) {
                heard.add(source.getFileName() + ": " + message);
            }
        });

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

        ScanSummary summary = scan(List.of(notADirectory, exams), new ScanListener() { });

        assertEquals(1, summary.tree().instanceCount());
        assertEquals(List.of(new ScanSummary.Failure(notADirectory, "not a DICOMDIR, it has no Directory Record"
                + " Sequence (0004,1220)")), summary.failures());
    }

    @Test
    void aDamagedDicomdirGivenByNameFailsAloneAndTheFileBesideItIsScanned(@TempDir Path dir) throws IOException {
        Path dicomdir = truncatedDicomdir(Files.createDirectories(dir.resolve("cd")));
        Path image = Files.copy(Samples.file("US1_UNCR.dcm"), dir.resolve("a.dcm"));

        ScanSummary summary = scan(List.of(dicomdir, image), new ScanListener() { });

        assertEquals(1, summary.tree().instanceCount());
        assertEquals(List.of(new ScanSummary.Failure(dicomdir, TRUNCATED_DICOMDIR)), summary.failures());
    }

    @Test
    void aDamagedDicomdirInAFolderIsOneFailureNotAFileSkipped(@TempDir Path dir) throws IOException {
        Path dicomdir = truncatedDicomdir(dir);
        Files.copy(Samples.file("US1_UNCR.dcm"), dir.resolve("a.dcm"));

        ScanSummary summary = scan(List.of(dir), new ScanListener() { });

        assertEquals(1, summary.tree().instanceCount());
        assertEquals(0, summary.skipped());
        assertEquals(2, summary.files());
        assertEquals(List.of(new ScanSummary.Failure(dicomdir, TRUNCATED_DICOMDIR)), summary.failures(),
                "the same reason as when it is scanned by name");
    }

    @Test
    void anUnreadableFolderIsReportedAndTheRestIsScanned(@TempDir Path dir) throws IOException {
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.copy(Samples.file("US1_UNCR.dcm"), locked.resolve("hidden.dcm"));
        Files.copy(Samples.file("US-RGB-8-epicard"), dir.resolve("b.dcm"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(locked), "running with the right to read any folder (root): a folder"
                    + " without permissions is still readable, skipping (FailureReasonTest checks the wording)");
            List<String> heard = new ArrayList<>();

            ScanSummary summary = scan(List.of(dir), new ScanListener() {
                @Override
                public void failed(Path file, String reason) {
                    heard.add(file.getFileName() + ": " + reason);
                }
            });

            assertEquals(1, summary.tree().instanceCount());
            assertEquals(List.of("locked: permission denied"), heard);
            assertEquals(List.of(new ScanSummary.Failure(locked, "permission denied")), summary.failures());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void filesAreExaminedWhileFoldersAreStillBeingWalked(@TempDir Path dir) throws IOException {
        threeFoldersOfOneImage(dir);
        List<Integer> filesKnownWhenFound = new ArrayList<>();

        ScanSummary summary = scan(List.of(dir), new ScanListener() {
            private int total;

            @Override
            public void progress(int done, int total) {
                this.total = total;
            }

            @Override
            public void found(InstanceEntry entry) {
                filesKnownWhenFound.add(total);
            }
        });

        assertEquals(List.of(1, 2, 3), filesKnownWhenFound, "each image is examined as soon as it is met");
        assertEquals(3, summary.total());
        assertThat(summary.cancelled()).isFalse();
    }

    @Test
    void cancellingStopsBetweenFilesAndTheSummarySaysHowFarItGot(@TempDir Path dir) throws IOException {
        threeFoldersOfOneImage(dir);
        StepExecutor executor = new StepExecutor();
        AtomicBoolean cancel = new AtomicBoolean();
        List<Path> found = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        CompletableFuture<ScanSummary> scan = new ExamScanner(executor, 1).scan(List.of(dir), new ScanListener() {
            @Override
            public void found(InstanceEntry entry) {
                found.add(entry.path());
                cancel.set(true);
            }

            @Override
            public void failed(Path file, String reason) {
                failed.add(reason);
            }
        }, cancel::get);

        executor.runNext();
        assertThat(scan).isNotDone();
        executor.runAll();

        ScanSummary summary = scan.join();
        assertThat(summary.cancelled()).isTrue();
        assertEquals(1, summary.files());
        assertEquals(3, summary.total(), "the walk had listed all three before the first was examined");
        assertEquals(1, found.size());
        assertEquals(1, summary.tree().instanceCount());
        assertThat(failed).isEmpty();
        assertThat(summary.failures()).isEmpty();
    }

    @Test
    void cancellingTheFutureStopsTheScan(@TempDir Path dir) throws IOException {
        threeFoldersOfOneImage(dir);
        StepExecutor executor = new StepExecutor();
        List<Path> examined = new ArrayList<>();
        CompletableFuture<ScanSummary> scan = new ExamScanner(executor, 1).scan(List.of(dir), new ScanListener() {
            @Override
            public void found(InstanceEntry entry) {
                examined.add(entry.path());
            }
        }, () -> false);

        executor.runNext();
        scan.cancel(false);
        executor.runAll();

        assertThat(scan).isCancelled();
        assertThat(examined).isEmpty();
    }

    @Test
    void aReadInterruptedByTheScansThreadIsNotAFailureButEndsTheScanAsCancelled(@TempDir Path dir)
            throws IOException {
        threeFoldersOfOneImage(dir);
        List<String> failed = new ArrayList<>();
        ScanSummary summary;
        boolean interruptKept;
        try {
            summary = scan(List.of(dir), new ScanListener() {
                @Override
                public void found(InstanceEntry entry) {
                    // As an executor shut down now does: the next file's channel is closed under its read.
                    Thread.currentThread().interrupt();
                }

                @Override
                public void failed(Path file, String reason) {
                    failed.add(file.getFileName() + ": " + reason);
                }
            });
        } finally {
            interruptKept = Thread.interrupted();
        }

        assertThat(failed).isEmpty();
        assertThat(summary.failures()).isEmpty();
        assertThat(summary.cancelled()).isTrue();
        assertEquals(1, summary.files(), "the file whose read was interrupted is not counted as examined");
        assertEquals(2, summary.total());
        assertThat(interruptKept).as("the thread's interrupt is left for its owner").isTrue();
    }

    /** The sample DICOMDIR is 11,116 bytes; cut to 5,558, its sequence starting at byte 384 has 5,162 left. */
    private static final String TRUNCATED_DICOMDIR = "element (0004,1220) DirectoryRecordSequence at byte 384 declares"
            + " 10720 bytes, but only 5162 remain: the file is truncated or corrupt";

    /** The sample DICOMDIR cut in half, inside its Directory Record Sequence. */
    private static Path truncatedDicomdir(Path folder) throws IOException {
        byte[] whole = Files.readAllBytes(Samples.file("dicomdir/DICOMDIR"));
        return Files.write(folder.resolve("DICOMDIR"), Arrays.copyOf(whole, whole.length / 2));
    }

    /** a/1.dcm, b/2.dcm, c/3.dcm: in whatever order the walk meets them, one image per folder. */
    @Test
    void aScanWaitedForEndsAsTheFutureOfTheSameScanEnds(@TempDir Path dir) throws IOException {
        threeFoldersOfOneImage(dir);
        Files.writeString(dir.resolve("notes.txt"), "not DICOM");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            ScanSummary waited = new ExamScanner(pool, 2).scanAndWait(List.of(dir), new ScanListener() { });
            ScanSummary future = new ExamScanner(pool, 2).scan(List.of(dir), new ScanListener() { }, () -> false)
                    .join();
            assertEquals(3, waited.tree().instanceCount());
            assertEquals(1, waited.skipped());
            assertEquals(future.tree().instanceCount(), waited.tree().instanceCount());
            assertEquals(future.files(), waited.files());
            assertEquals(future.skipped(), waited.skipped());
            assertEquals(future.failures(), waited.failures());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aListenersFailureEndsTheWaitWithThatFailure(@TempDir Path dir) throws IOException {
        threeFoldersOfOneImage(dir);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            ExamScanner scanner = new ExamScanner(pool, 2);
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                    () -> scanner.scanAndWait(List.of(dir), new ScanListener() {
                        @Override
                        public void found(InstanceEntry entry) {
                            throw new IllegalStateException("the listener broke on " + entry.path().getFileName());
                        }
                    }));
            assertThat(thrown.getMessage()).startsWith("the listener broke on ");
        } finally {
            pool.shutdown();
        }
    }

    private static void threeFoldersOfOneImage(Path dir) throws IOException {
        for (String name : List.of("a", "b", "c")) {
            Files.copy(Samples.file("US1_UNCR.dcm"), Files.createDirectories(dir.resolve(name)).resolve(name + ".dcm"));
        }
    }

    /** Scans on the calling thread: the order of events is fixed. */
    private static ScanSummary scan(List<Path> roots, ScanListener listener) {
        return new ExamScanner(Runnable::run, 1).scan(roots, listener, () -> false).join();
    }

    /** Scans on a small pool, the walk and two examiners at once, as the viewer and the command line do. */
    private static ScanSummary scanOnPool(List<Path> roots, ScanListener listener) {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            return new ExamScanner(pool, 2).scan(roots, listener, () -> false).join();
        } finally {
            pool.shutdown();
        }
    }

    /** Runs the tasks given to it only when told to, one at a time, in the order they were given. */
    private static final class StepExecutor implements Executor {
        private final Deque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runNext() {
            tasks.remove().run();
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                runNext();
            }
        }
    }

    private static Set<String> sopInstanceUids(ScanSummary summary) {
        return summary.tree().patients().stream().flatMap(p -> p.studies().values().stream())
                .flatMap(s -> s.series().values().stream()).flatMap(s -> s.instances().stream())
                .map(InstanceEntry::sopInstanceUid).collect(Collectors.toCollection(TreeSet::new));
    }
}
