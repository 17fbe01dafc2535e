package org.sonocine.ui;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.Tag;
import org.sonocine.export.BurnIn;
import org.sonocine.export.CineExport.Format;
import org.sonocine.study.DemoCine;
import org.sonocine.testing.IdentifiedUltrasound;
import org.sonocine.ui.task.DirectTaskExecutor;
import org.sonocine.ui.task.Lane;
import org.sonocine.ui.task.SteppedTaskExecutor;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exporting from the viewer, driven without a toolkit. */
class ExportViewModelTest {
    @TempDir
    Path dir;
    private Path input;

    @BeforeEach
    void writeDemo() throws IOException {
        input = dir.resolve("demo.dcm");
        DemoCine.write(input);
    }

    @Test
    void thePlayedRangeIsExportedOnTheScanLaneWithProgressAndAnOutcomeInWords() throws IOException {
        SteppedTaskExecutor tasks = new SteppedTaskExecutor();
        ExportViewModel export = new ExportViewModel(tasks, 1);
        Path out = dir.resolve("loop.gif");

        assertTrue(export.start(input, ExportRequest.played(Format.GIF, out, 0.25)));
        assertTrue(export.runningProperty().get());
        assertEquals(1, tasks.queued(Lane.SCAN));
        tasks.runAll();

        assertFalse(export.runningProperty().get());
        assertEquals("Exported " + DemoCine.FRAMES + " frames to loop.gif", export.statusProperty().get());
        assertEquals(1.0, export.progressProperty().get(), 1e-9);
        assertEquals(DemoCine.FRAMES, gifFrames(out));
    }

    @Test
    void aDeidentifiedCopyIsWrittenInTheBackgroundAndSaysWhatItCannotRemove() throws IOException {
        SteppedTaskExecutor tasks = new SteppedTaskExecutor();
        ExportViewModel export = new ExportViewModel(tasks, 1);
        Path folder = dir.resolve("shared");

        assertTrue(export.startDeidentified(List.of(input), folder, true));
        assertEquals("Writing de-identified copies into shared…", export.statusProperty().get());
        tasks.runAll();

        assertFalse(export.runningProperty().get());
        List<Path> written = files(folder);
        assertEquals(1, written.size());
        assertEquals("Wrote a de-identified copy, " + written.get(0).getFileName() + ", black outside the"
                + " ultrasound regions. Text burned in inside the ultrasound regions cannot be removed"
                + " automatically: check the images before sharing them", export.statusProperty().get());
        try (DicomFile copy = DicomFile.open(written.get(0))) {
            assertEquals("YES", copy.dataset().getString(Tag.PatientIdentityRemoved));
            assertNotEquals("Demo^Patient", copy.dataset().getString(Tag.PatientName));
        }
    }

    @Test
    void aWholeStudyIsCopiedWithItsUidsReplacedAlikeAndAFileThatCannotBeIsCounted() throws IOException {
        Path a = IdentifiedUltrasound.write(dir.resolve("a.dcm"), "1.2.826.0.1.3680043.9.7777.1.1.1", null);
        Path b = IdentifiedUltrasound.write(dir.resolve("b.dcm"), "1.2.826.0.1.3680043.9.7777.1.1.2",
                "1.2.826.0.1.3680043.9.7777.1.1.1");
        Path broken = dir.resolve("broken.dcm");
        Files.write(broken, new byte[] {1, 2, 3});
        ExportViewModel export = new ExportViewModel(new DirectTaskExecutor(), 1);
        Path folder = dir.resolve("study");

        assertTrue(export.startDeidentified(List.of(a, broken, b), folder, false));

        assertThat(export.statusProperty().get()).startsWith("Wrote 2 de-identified copies into study; 1 file could"
                + " not be copied (broken.dcm: ").endsWith("). The pixels may hold burned-in names and dates: check"
                + " the images before sharing them");
        List<Attributes> copies = new java.util.ArrayList<>();
        for (Path copy : files(folder)) {
            try (DicomFile file = DicomFile.open(copy)) {
                copies.add(file.dataset());
            }
        }
        assertEquals(2, copies.size());
        assertEquals(copies.get(0).getString(Tag.StudyInstanceUID), copies.get(1).getString(Tag.StudyInstanceUID));
        assertNotEquals(IdentifiedUltrasound.STUDY_UID, copies.get(0).getString(Tag.StudyInstanceUID));
        assertEquals(1.0, export.progressProperty().get(), 1e-9);
    }

    @Test
    void theOverlayAndMeasurementsAskedForAreBurnedIn() throws IOException {
        ExportViewModel export = new ExportViewModel(new DirectTaskExecutor(), 1);
        BurnIn.Mark line = new BurnIn.Mark(BurnIn.Shape.LINE, new double[] {100, 600.5, 500, 600.5}, "", 0);

        export.start(input, ExportRequest.frames(Format.PNG, dir.resolve("plain"), 1, 1, 1));
        export.start(input, ExportRequest.frames(Format.PNG, dir.resolve("marked"), 1, 1, 1)
                .withBurnIn(new BurnIn(true, List.of(line))));

        BufferedImage plain = ImageIO.read(dir.resolve("plain/frame-0001.png").toFile());
        BufferedImage marked = ImageIO.read(dir.resolve("marked/frame-0001.png").toFile());
        assertEquals(0xffd54a, marked.getRGB(300, 600) & 0xFFFFFF, "the measurement");
        assertNotEquals(plain.getRGB(300, 600), marked.getRGB(300, 600));
        assertEquals(plain.getRGB(300, 400), marked.getRGB(300, 400), "elsewhere as rendered");
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.toList();
        }
    }

    @Test
    void aFrameRangeExportsThoseFramesOnly() throws IOException {
        ExportViewModel export = new ExportViewModel(new DirectTaskExecutor(), 1);
        Path out = dir.resolve("part.gif");

        export.start(input, ExportRequest.frames(Format.GIF, out, 3, 12, 0.25));

        assertEquals("Exported 10 frames to part.gif", export.statusProperty().get());
        assertEquals(10, gifFrames(out));
    }

    @Test
    void aRangeBeyondTheCineIsRefusedInWords() {
        ExportViewModel export = new ExportViewModel(new DirectTaskExecutor(), 1);

        export.start(input, ExportRequest.frames(Format.GIF, dir.resolve("x.gif"), 50, DemoCine.FRAMES + 1, 0.25));

        assertEquals("Could not export to x.gif: frames 50 to 61 are outside 1-60",
                export.statusProperty().get());
        assertEquals(List.of(input), files());
    }

    @Test
    void theInputIsNeverTheOutput() throws IOException {
        byte[] before = Files.readAllBytes(input);
        ExportViewModel export = new ExportViewModel(new DirectTaskExecutor(), 1);

        export.start(input, ExportRequest.played(Format.GIF, input, 0.25));

        assertEquals("Could not export: " + input + " is the file being exported: choose another output",
                export.statusProperty().get());
        assertArrayEquals(before, Files.readAllBytes(input));
        assertEquals(List.of(input), files());
    }

    @Test
    void cancellingWhileFramesAreWrittenStopsAndLeavesNothing() {
        ExportViewModel export = new ExportViewModel(new DirectTaskExecutor(), 1);
        // The UI thread is the export's here: the cancel arrives with the first progress, as a click would.
        export.progressProperty().addListener((o, was, now) -> export.cancel());

        export.start(input, ExportRequest.played(Format.GIF, dir.resolve("stopped.gif"), 0.25));

        assertFalse(export.runningProperty().get());
        assertEquals("Export cancelled: nothing was written", export.statusProperty().get());
        assertTrue(export.progressProperty().get() < 0.5, "stopped early: " + export.progressProperty().get());
        assertEquals(List.of(input), files());
        assertFalse(Thread.currentThread().isInterrupted(), "the interrupt does not outlive the export");
    }

    @Test
    void cancellingBeforeTheExportStartsWritesNothing() {
        SteppedTaskExecutor tasks = new SteppedTaskExecutor();
        ExportViewModel export = new ExportViewModel(tasks, 1);

        export.start(input, ExportRequest.played(Format.PNG, dir.resolve("frames"), 0.25));
        export.cancel();
        tasks.runAll();

        assertEquals("Export cancelled: nothing was written", export.statusProperty().get());
        assertEquals(List.of(input), files());
    }

    @Test
    void oneExportAtATime() {
        SteppedTaskExecutor tasks = new SteppedTaskExecutor();
        ExportViewModel export = new ExportViewModel(tasks, 1);

        assertTrue(export.start(input, ExportRequest.played(Format.GIF, dir.resolve("a.gif"), 0.25)));
        assertFalse(export.start(input, ExportRequest.played(Format.GIF, dir.resolve("b.gif"), 0.25)));

        assertEquals("An export is already running", export.statusProperty().get());
        assertEquals(1, tasks.queued(Lane.SCAN));
    }

    private List<Path> files() {
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static int gifFrames(Path gif) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            return reader.getNumImages(true);
        } finally {
            reader.dispose();
        }
    }
}
