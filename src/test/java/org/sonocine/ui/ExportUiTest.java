package org.sonocine.ui;

import javafx.scene.control.Button;

import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.Tag;
import org.sonocine.export.BurnIn;
import org.sonocine.export.CineExport.Format;
import org.sonocine.study.DemoCine;
import org.sonocine.ui.measure.ImagePoint;
import org.sonocine.ui.measure.MeasureTool;
import org.sonocine.ui.measure.Measurement;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** File › Export… in the window: the dialog runs an export in the background, and Cancel leaves nothing. */
@ExtendWith(ApplicationExtension.class)
class ExportUiTest {
    private static final String RECENT_NODE = "org/sonocine/test-export-recent";
    private TestWindow test;
    private ViewerViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        test = TestWindow.show(stage, System::nanoTime, RECENT_NODE, 1200, 800, false);
        vm = test.vm;
        window = test.window;
    }

    @AfterEach
    void stop(FxRobot robot) throws BackingStoreException {
        robot.interact(() -> {
            if (window.exportDialog() != null) {
                window.exportDialog().stage().hide();
            }
        });
        test.close();
    }

    private Path openDemo(FxRobot robot, Path dir) throws Exception {
        Path file = dir.resolve("demo.dcm");
        DemoCine.write(file);
        robot.interact(() -> vm.openInstance(file));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.currentProperty().get() != null);
        robot.interact(() -> vm.cine().pause());
        return file;
    }

    /** The dialog opened from the menu, writing to {@code out} when asked where. */
    private ExportDialog dialogWritingTo(FxRobot robot, Path out, Format format, double scale) {
        robot.interact(() -> {
            window.showExport();
            window.exportDialog().chooseOutputWith((owner, chosenFormat, suggested) -> out);
            robot.lookup("#exportFormat").queryAs(ChoiceBox.class).setValue(ExportTarget.of(format));
            robot.lookup("#exportScale").queryAs(ChoiceBox.class).setValue(scale);
        });
        robot.clickOn("#exportChoose");
        WaitForAsyncUtils.waitForFxEvents();
        return window.exportDialog();
    }

    @Test
    void exportIsOfferedOnlyWithACineOpenAndWritesAGifOfThePlayedFrames(FxRobot robot, @TempDir Path dir)
            throws Exception {
        assertTrue(window.exportItem().isDisable(), "nothing to export before a cine is open");
        openDemo(robot, dir);
        assertFalse(window.exportItem().isDisable());
        Path out = dir.resolve("loop.gif");

        ExportDialog dialog = dialogWritingTo(robot, out, Format.GIF, 0.5);
        assertEquals(ExportRequest.played(Format.GIF, out, 0.5).withBurnIn(new BurnIn(true, List.of())),
                dialog.request(), "the overlay burned in unless unticked");
        robot.clickOn("#exportStart");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.export().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("Exported " + DemoCine.FRAMES + " frames to loop.gif", vm.export().statusProperty().get());
        assertEquals(vm.export().statusProperty().get(), vm.statusProperty().get(), "shown in the status bar too");
        assertEquals(DemoCine.FRAMES, ExportViewModelTest.gifFrames(out));
    }

    @Test
    void cancelStopsTheExportAndLeavesNoFile(FxRobot robot, @TempDir Path dir) throws Exception {
        Path input = openDemo(robot, dir);
        // Twice the size makes the export last long enough to be stopped half way.
        dialogWritingTo(robot, dir.resolve("big.gif"), Format.GIF, 4.0);
        // Pressed as soon as the first progress shows, rather than by moving the pointer there afterwards: the
        // export may be done by then.
        Button cancel = robot.lookup("#exportCancel").queryButton();
        robot.interact(() -> vm.export().progressProperty().addListener((o, was, now) -> {
            if (now.doubleValue() > 0 && vm.export().runningProperty().get()) {
                cancel.fire();
            }
        }));
        robot.clickOn("#exportStart");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.export().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("Export cancelled: nothing was written", vm.export().statusProperty().get());
        assertTrue(vm.export().progressProperty().get() < 1, "stopped before the end");
        assertEquals(List.of(input), files(dir));
    }

    @Test
    void aFrameRangeTypedInTheSpinnersIsExportedAndNonsenseKeepsTheFrame(FxRobot robot, @TempDir Path dir)
            throws Exception {
        openDemo(robot, dir);
        Path out = dir.resolve("part.gif");
        ExportDialog dialog = dialogWritingTo(robot, out, Format.GIF, 0.25);
        robot.clickOn("#exportRange");
        robot.interact(() -> {
            Spinner<?> first = robot.lookup("#exportFirst").queryAs(Spinner.class);
            first.getEditor().setText("5");
            first.commitValue();
            Spinner<?> last = robot.lookup("#exportLast").queryAs(Spinner.class);
            last.getEditor().setText("twelve");
            last.commitValue();
            last.getEditor().setText("14");
            last.commitValue();
        });
        robot.clickOn("#exportBurnIn");
        assertEquals(ExportRequest.frames(Format.GIF, out, 5, 14, 0.25), dialog.request());

        robot.clickOn("#exportStart");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.export().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("Exported 10 frames to part.gif", vm.export().statusProperty().get());
        assertEquals(10, ExportViewModelTest.gifFrames(out));
    }

    @Test
    void aDeidentifiedDicomCopyIsOfferedWithBlankingAndAPlainWarningAndWrittenIntoAFolder(FxRobot robot,
                                                                                          @TempDir Path dir)
            throws Exception {
        openDemo(robot, dir);
        Path folder = dir.resolve("for-colleague");
        robot.interact(() -> {
            window.showExport();
            window.exportDialog().chooseOutputWith((owner, chosenFormat, suggested) -> folder);
            robot.lookup("#exportFormat").queryAs(ChoiceBox.class).setValue(ExportTarget.DICOM);
        });
        robot.clickOn("#exportChoose");
        WaitForAsyncUtils.waitForFxEvents();

        CheckBox blank = robot.lookup("#exportBlank").queryAs(CheckBox.class);
        assertTrue(blank.isVisible() && !blank.isDisabled() && blank.isSelected(),
                "the demo has regions and no Burned In Annotation: blanking offered and ticked");
        assertTrue(robot.lookup("#exportScale").query().isDisabled(), "no size for a DICOM copy");
        assertFalse(robot.lookup("#exportBurnIn").query().isVisible(), "nothing burned into a DICOM copy");
        assertEquals("Names and dates burned into the pixels inside the ultrasound regions cannot be removed"
                        + " automatically: check the images before sharing them.",
                robot.lookup("#exportPrivacy").queryAs(Label.class).getText());
        assertEquals(null, window.exportDialog().request(), "not a cine export");

        robot.clickOn("#exportStart");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.export().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        List<Path> written = files(folder);
        assertEquals(1, written.size());
        assertTrue(vm.export().statusProperty().get().startsWith("Wrote a de-identified copy, "
                + written.get(0).getFileName() + ", black outside the ultrasound regions."),
                vm.export().statusProperty().get());
        try (DicomFile copy = DicomFile.open(written.get(0))) {
            assertEquals("YES", copy.dataset().getString(Tag.PatientIdentityRemoved));
        }

        robot.clickOn("#exportBlank");
        assertEquals("The pixels may hold burned-in names and dates, which are kept: blank outside the regions,"
                + " and check the images before sharing them.", robot.lookup("#exportPrivacy").queryAs(Label.class)
                .getText());
    }

    @Test
    void measurementsOnScreenGoIntoTheRequestWhenBurnInIsTicked(FxRobot robot, @TempDir Path dir) throws Exception {
        openDemo(robot, dir);
        robot.interact(() -> window.measurements().measurements().add(new Measurement(MeasureTool.DISTANCE,
                List.of(new ImagePoint(10, 20), new ImagePoint(110, 20)), 0, false)));
        Path out = dir.resolve("measured.gif");

        ExportDialog dialog = dialogWritingTo(robot, out, Format.GIF, 1.0);

        List<BurnIn.Mark> marks = dialog.request().burnIn().marks();
        assertEquals(1, marks.size());
        assertEquals(BurnIn.Shape.LINE, marks.get(0).shape());
        assertEquals(0, marks.get(0).frame());
        assertArrayEquals(new double[] {10.5, 20.5, 110.5, 20.5}, marks.get(0).points(), 1e-9);
        assertTrue(marks.get(0).label().endsWith("mm") || marks.get(0).label().endsWith("cm")
                || marks.get(0).label().endsWith("px"), marks.get(0).label());

        Path other = dir.resolve("other.dcm");
        DemoCine.write(other);
        robot.interact(() -> vm.openInstance(other));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.currentProperty().get() != null
                && vm.currentProperty().get().path().equals(other));
        robot.interact(() -> window.measurements().measurements().add(new Measurement(MeasureTool.DISTANCE,
                List.of(new ImagePoint(5, 5), new ImagePoint(50, 5)), 0, false)));
        assertEquals(List.of(), dialog.request().burnIn().marks(),
                "the dialog still exports the first file: the second file's measurements are not drawn on it");
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        }
    }
}
