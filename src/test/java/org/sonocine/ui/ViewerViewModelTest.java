package org.sonocine.ui;

import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;
import org.sonocine.imaging.FrameSource;
import org.sonocine.study.ArchiveImage;
import org.sonocine.study.RemoteCache;
import org.sonocine.testing.ImageHeaders;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.study.DemoCine;
import org.sonocine.study.InstanceEntry;
import org.sonocine.testing.FileSets;
import org.sonocine.ui.task.Lane;
import org.sonocine.ui.task.SteppedTaskExecutor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main window's view model with no toolkit: background work and UI updates are run step by step by the test,
 * so the order in which loads and scans end is the test's to choose.
 */
class ViewerViewModelTest {
    private static final String RECENT_NODE = "org/sonocine/test-view-model-recent";
    private static final int FILES = 1200;
    private final SteppedTaskExecutor tasks = new SteppedTaskExecutor();
    private ViewerViewModel vm;

    @BeforeEach
    void create() {
        vm = new ViewerViewModel(tasks, System::nanoTime, new RecentFiles(Preferences.userRoot().node(RECENT_NODE)));
    }

    @AfterEach
    void close() throws BackingStoreException {
        vm.close();
        tasks.runAll();
        Preferences.userRoot().node(RECENT_NODE).removeNode();
    }

    @Test
    void theLatestOpenWinsWhicheverLoadEndsFirst(@TempDir Path dir) throws IOException {
        Path first = cine(dir, "first.dcm");
        Path second = cine(dir, "second.dcm");
        vm.openInstance(first);
        vm.openInstance(second);

        tasks.runLast(Lane.INTERACTIVE);
        tasks.runUi();
        tasks.runNext(Lane.INTERACTIVE);
        tasks.runUi();

        assertEquals(second, vm.currentProperty().get().path());
        assertEquals("second.dcm — " + DemoCine.FRAMES + " frames", vm.statusProperty().get());
    }

    @Test
    void aFileShownAtStartWaitsToPlayAndToBeListedUntilTheStartIsOver(@TempDir Path dir) throws IOException {
        Path file = cine(dir, "start.dcm");
        vm.startedOn(EarlyOpening.done(file, LoadedInstance.open(file)));
        vm.openAtStart(List.of(file));

        assertEquals(file, vm.currentProperty().get().path());
        assertFalse(vm.cine().playingProperty().get());
        assertEquals(0, tasks.queued(Lane.INTERACTIVE));
        assertThat(vm.recent().list()).isEmpty();

        vm.startIsOver();
        assertTrue(vm.cine().playingProperty().get());
        tasks.runAll();
        assertThat(vm.recent().list()).containsExactly(file.toAbsolutePath().normalize());
        assertThat(vm.instances()).extracting(InstanceEntry::path).containsExactly(file);
        assertEquals(file, vm.currentProperty().get().path(), "listed, not loaded again");
    }

    @Test
    void anOpenDuringTheStartIsNotUndoneWhenTheStartIsOver(@TempDir Path dir) throws IOException {
        Path first = cine(dir, "first.dcm");
        Path second = cine(dir, "second.dcm");
        vm.startedOn(EarlyOpening.done(first, LoadedInstance.open(first)));
        vm.openAtStart(List.of(first));
        vm.open(List.of(second)); // a second launch, handed over while the first frame is being drawn
        tasks.runAll();
        vm.startIsOver();
        tasks.runAll();

        assertEquals(second, vm.currentProperty().get().path());
        assertTrue(vm.cine().playingProperty().get());
        assertThat(vm.recent().list()).containsExactly(second.toAbsolutePath().normalize(),
                first.toAbsolutePath().normalize());
        assertThat(vm.instances()).extracting(InstanceEntry::path).containsExactlyInAnyOrder(first, second);
    }

    /** An archive's image of four 2 x 2 grey frames, kept under {@code dir}; every frame fetched is recorded. */
    private static ArchiveImage archived(Path dir, String sop, List<String> fetched) throws IOException {
        Attributes ds = ImageHeaders.of(2, 2, 1, 8, "MONOCHROME2", 4);
        ds.setString(Tag.SOPInstanceUID, VR.UI, sop);
        RemoteCache cache = new RemoteCache(dir, 1 << 20);
        Path folder = cache.folderOf("archive", sop);
        RemoteCache.KeptFrames kept = cache.frames(folder, () -> index -> {
            fetched.add(sop + "#" + (index + 1));
            return new byte[4];
        });
        return new ArchiveImage(folder, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                FrameSource.of(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, kept), kept, List.of(), false);
    }

    @Test
    void onlyTheArchivesImageShownHasItsRestFetchedWhicheverLoadEndsFirst(@TempDir Path dir) throws IOException {
        List<String> fetched = new java.util.concurrent.CopyOnWriteArrayList<>();
        ArchiveImage a = archived(dir, "1.1", fetched);
        ArchiveImage b = archived(dir, "1.2", fetched);
        vm.openArchivedWith(path -> path.equals(a.folder()) ? Optional.of(() -> a)
                : path.equals(b.folder()) ? Optional.of(() -> b) : Optional.empty());

        vm.openInstance(a.folder());
        vm.openInstance(b.folder());
        tasks.runLast(Lane.INTERACTIVE);
        tasks.runUi();
        tasks.runNext(Lane.INTERACTIVE);
        tasks.runUi();
        fetched.clear();
        tasks.runAll();

        assertEquals(b.folder(), vm.currentProperty().get().path());
        assertEquals(List.of("1.2#2", "1.2#3", "1.2#4"), fetched, "the rest of the image shown, once");

        Path local = cine(dir, "local.dcm");
        ArchiveImage c = archived(dir, "1.3", fetched);
        vm.openArchivedWith(path -> path.equals(c.folder()) ? Optional.of(() -> c) : Optional.empty());
        vm.openInstance(c.folder());
        tasks.runNext(Lane.INTERACTIVE);
        tasks.runUi();
        vm.openInstance(local);
        fetched.clear();
        tasks.runAll();

        assertEquals(local, vm.currentProperty().get().path());
        assertEquals(List.of(), fetched, "opening another file stops the download before it starts");
    }

    @Test
    void ofTwoDropsTheLaterIsShownWhicheverLookAtThePathsEndsFirst(@TempDir Path dir) throws IOException {
        Path first = cine(dir, "first.dcm");
        Path second = cine(dir, "second.dcm");
        vm.open(List.of(first));
        vm.open(List.of(second));

        tasks.runLast(Lane.INTERACTIVE);
        tasks.runNext(Lane.INTERACTIVE);
        tasks.runAll();

        assertEquals(second, vm.currentProperty().get().path());
    }

    @Test
    void aLoadOvertakenWhileRunningIsClosedNotShown(@TempDir Path dir) throws IOException {
        Path first = cine(dir, "first.dcm");
        Path second = cine(dir, "second.dcm");
        vm.openInstance(first);
        tasks.runNext(Lane.INTERACTIVE);
        vm.openInstance(second);
        tasks.runUi();

        assertNull(vm.currentProperty().get(), "the first load's result is not shown");
        assertTrue(vm.loadingPath().isPresent());
        assertEquals(second, vm.loadingPath().get());
        tasks.runAll();
        assertEquals(second, vm.currentProperty().get().path());
    }

    @Test
    void aLoadEndingAfterCloseHasItsFileClosed(@TempDir Path dir) throws IOException {
        Path file = cine(dir, "late.dcm");
        vm.openInstance(file);
        tasks.runNext(Lane.INTERACTIVE);
        vm.close();
        tasks.runUi();

        assertNull(vm.currentProperty().get());
        assertFalse(vm.loadingPath().isPresent());
    }

    @Test
    void askingAgainForTheFileBeingLoadedStartsNoSecondLoad(@TempDir Path dir) throws IOException {
        Path file = cine(dir, "once.dcm");
        vm.openInstance(file);
        vm.openInstance(file);

        assertEquals(1, tasks.queued(Lane.INTERACTIVE));
    }

    @Test
    void openingLooksAtThePathsOffTheUiThread(@TempDir Path dir) throws IOException {
        Path file = cine(dir, "dropped.dcm");
        vm.open(List.of(file));

        assertNull(vm.currentProperty().get());
        assertEquals(1, tasks.queued(Lane.INTERACTIVE), "only the look at the paths is queued");
        assertEquals(0, tasks.queued(Lane.SCAN));
        tasks.runAll();
        assertEquals(file, vm.currentProperty().get().path());
        assertThat(vm.recent().list()).containsExactly(file.toAbsolutePath().normalize());
    }

    @Test
    void theDemoIsNotRememberedAmongRecentFiles(@TempDir Path dir) throws IOException {
        Path demo = cine(dir, ViewerApp.DEMO_NAME);
        vm.openDemo(demo);
        tasks.runAll();

        assertEquals(demo, vm.currentProperty().get().path());
        assertThat(vm.recent().list()).isEmpty();
    }

    @Test
    void openingAFileAgainListsItOnce(@TempDir Path dir) throws IOException {
        Path file = cine(dir, "again.dcm");
        Path text = Files.writeString(dir.resolve("IMG00001.dcm"), "not an image");
        Path truncated = truncatedDicom(dir.resolve("IMG00002.dcm"));
        vm.open(List.of(file, text, truncated));
        tasks.runAll();
        vm.open(List.of(file, text, truncated));
        tasks.runAll();

        assertThat(vm.instances()).extracting(e -> e.path().getFileName().toString()).containsExactly("again.dcm");
        assertThat(vm.failures()).extracting(f -> f.file().getFileName().toString()).containsExactly("IMG00002.dcm");
        assertEquals(1, vm.skippedProperty().get());
    }

    @Test
    void aScanUnderWayGoesOnWhenAFileIsOpenedAndItsFindingsAreListed(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("exam"));
        cine(folder, "a.dcm");
        cine(folder, "b.dcm");
        Path other = cine(dir, "other.dcm");
        vm.open(List.of(folder));
        tasks.runNext(Lane.INTERACTIVE);
        tasks.runUi();
        tasks.runNext(Lane.SCAN);

        vm.open(List.of(other));
        tasks.runAll();

        assertThat(vm.instances()).extracting(e -> e.path().getFileName().toString())
                .containsExactlyInAnyOrder("a.dcm", "b.dcm", "other.dcm");
        assertEquals(other, vm.currentProperty().get().path(), "the folder's first image does not replace it");
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void cancelEndsOnHowManyOfTheFilesKnownWereExamined(@TempDir Path dir) throws IOException {
        filesNamedLikeImages(dir);
        vm.open(List.of(dir));
        tasks.runNext(Lane.INTERACTIVE);
        tasks.runUi();
        tasks.runNext(Lane.SCAN);
        tasks.runUi();
        vm.cancelScan();
        assertEquals("Cancelling the scan…", vm.statusProperty().get());

        tasks.runAll();

        assertEquals("Cancelled: 0 of 1,200 files examined", vm.statusProperty().get());
        assertFalse(vm.busyProperty().get());
        assertThat(vm.failures()).isEmpty();
    }

    @Test
    void aReadInterruptedByTheCancelIsNotShownAsAFailure(@TempDir Path dir) throws IOException {
        filesNamedLikeImages(dir);
        vm.open(List.of(dir));
        tasks.runNext(Lane.INTERACTIVE);
        tasks.runUi();
        tasks.runNext(Lane.SCAN);

        boolean interruptKept;
        try {
            Thread.currentThread().interrupt();
            while (tasks.queued(Lane.SCAN) > 0) {
                tasks.runNext(Lane.SCAN);
            }
        } finally {
            interruptKept = Thread.interrupted();
        }
        tasks.runAll();

        assertTrue(interruptKept);
        assertThat(vm.failures()).isEmpty();
        assertEquals("Cancelled: 0 of 1,200 files examined", vm.statusProperty().get());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void aPathThatNamesNothingSaysSoOverTheImage(@TempDir Path dir) {
        vm.open(List.of(dir.resolve("nope.dcm")));
        tasks.runAll();

        assertEquals("nope.dcm: no such file or folder", vm.loadErrorProperty().get());
    }

    @Test
    void aMissingPathBesideAFileShownIsLeftToTheBrowser(@TempDir Path dir) throws IOException {
        Path file = cine(dir, "a.dcm");
        vm.open(List.of(dir.resolve("nope.dcm"), file));
        tasks.runAll();

        assertEquals("", vm.loadErrorProperty().get());
        assertEquals(file, vm.currentProperty().get().path());
    }

    @Test
    void aFailedLoadSaysWhichFileAndWhy(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("notes.dcm"), "not an image");
        vm.openInstance(text);
        tasks.runAll();

        assertEquals("Could not open notes.dcm", vm.statusProperty().get());
        assertEquals("notes.dcm: the file is not DICOM: no 'DICM' prefix at byte 128 and the first bytes are not a data element",
                vm.loadErrorProperty().get());
    }

    @Test
    void aDicomdirWithReferencesRefusedOrMissingSaysSoAndListsThem(@TempDir Path dir) throws IOException {
        Path media = Files.createDirectories(dir.resolve("media"));
        Path dicomdir = FileSets.writeImageRecords(media, new String[] {"..", "outside.dcm"},
                new String[] {"MISSING"});
        vm.open(List.of(dicomdir));
        tasks.runAll();
        vm.open(List.of(dicomdir));
        tasks.runAll();

        assertEquals("0 instances in 0 studies; 0 files skipped (not DICOM), 0 failed, 2 DICOMDIR problems",
                vm.statusProperty().get());
        assertThat(vm.failures()).extracting(f -> f.file().getFileName() + ": " + f.reason()).containsExactly(
                "DICOMDIR: Referenced File ID '..\\outside.dcm' refused: it does not name a file inside the"
                        + " DICOMDIR's folder",
                "DICOMDIR: Referenced File ID 'MISSING' names a missing file");
    }

    private static Path cine(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        DemoCine.write(file);
        return file;
    }

    /** A Part 10 preamble and prefix, then a data element that claims more bytes than follow. */
    private static Path truncatedDicom(Path file) throws IOException {
        byte[] bytes = new byte[128 + 4 + 8];
        System.arraycopy("DICM".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, bytes, 128, 4);
        byte[] element = {0x02, 0x00, 0x10, 0x00, 'U', 'I', 0x40, 0x00};
        System.arraycopy(element, 0, bytes, 132, element.length);
        return Files.write(file, bytes);
    }

    /** Files named as an exam's images are, holding text, so each is opened and read. */
    private static void filesNamedLikeImages(Path dir) throws IOException {
        for (int i = 1; i <= FILES; i++) {
            Files.writeString(dir.resolve(String.format("IMG%05d.dcm", i)), "not an image");
        }
    }
}
