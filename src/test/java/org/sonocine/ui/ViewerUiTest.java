package org.sonocine.ui;

import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.image.ImageView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sonocine.testing.Samples;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The viewer driven as a user drives it, headless: open, play, scrub, drop a folder, aspect, broken files. */
@ExtendWith(ApplicationExtension.class)
class ViewerUiTest {
    /** The clock the player reads: the test moves it, so playback is checked without sleeping. */
    private final AtomicLong nanos = new AtomicLong();
    private final LongSupplier clock = nanos::get;
    private TestWindow test;
    private ViewerViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        test = TestWindow.show(stage, clock, "org/sonocine/test-recent", 1200, 800, false);
        vm = test.vm;
        window = test.window;
    }

    @AfterEach
    void stop() throws Exception {
        test.close();
    }

    private static void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (Exception e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }

    private void open(FxRobot robot, String sample) {
        Path file = Samples.file(sample);
        robot.interact(() -> vm.openInstance(file));
        waitUntil(sample + " is open", () -> vm.currentProperty().get() != null
                && vm.currentProperty().get().path().equals(file));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void openingASampleShowsTheFourCardAttributes(FxRobot robot) {
        open(robot, "jpeg2000-multiframe-multifragments.dcm");
        assertEquals("DERIVED", text(robot, "#metaImageTypeBadge"));
        assertEquals("DERIVED\\PRIMARY\\MOTION\\NONE", String.join("", robot.lookup("#metaImageType .image-type-value")
                .queryAllAs(Label.class).stream().map(Label::getText).toList()));
        assertEquals("19 Dec 2006 12:09:00 UTC-05:00", text(robot, "#metaAcquisition"));
        assertEquals("Molly Jones", text(robot, "#metaOperators"));
        assertEquals("123456", text(robot, "#metaDeviceSerial"));
        assertEquals("Enhanced MR Image Storage", text(robot, "#metaSopClass"));
    }

    @Test
    void playAdvancesFramesOnTheFilesClock(FxRobot robot) {
        open(robot, "HasFragmentSequence.dcm");
        assertTrue(vm.cine().playingProperty().get(), "a cine starts playing when opened");
        assertEquals(0, vm.cine().frameIndexProperty().get());
        // Decoding runs on real threads but is timed by the fake clock: moving the clock while frame 11 is still
        // being decoded would make decoding look slow and playback rightly skip it, so wait until it is ready.
        waitUntil("frame 11 is decoded ahead of time", () -> vm.cine().isDecoded(10));
        nanos.addAndGet(10 * 33_000_000L + 1_000_000L);
        waitUntil("frame 11 is shown", () -> vm.cine().frameIndexProperty().get() == 10);
        waitUntil("the label follows", () -> text(robot, "#frameLabel").startsWith("Frame 11/96  ·  330 ms"));
        robot.type(KeyCode.SPACE);
        assertFalse(vm.cine().playingProperty().get());
        nanos.addAndGet(1_000_000_000L);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(10, vm.cine().frameIndexProperty().get(), "paused: the clock moves, the frame does not");
        robot.type(KeyCode.RIGHT);
        waitUntil("one step forward", () -> vm.cine().frameIndexProperty().get() == 11
                && vm.cine().displayedProperty().get() != null
                && vm.cine().displayedProperty().get().index() == 11);
    }

    @Test
    void pausedOnAShownFrameTheDisplayPulseStops(FxRobot robot) {
        open(robot, "HasFragmentSequence.dcm");
        assertTrue(vm.cine().animatingProperty().get(), "playing needs display pulses");
        robot.type(KeyCode.SPACE);
        waitUntil("the pulse stops once the paused frame is on screen",
                () -> !vm.cine().animatingProperty().get());
        robot.type(KeyCode.RIGHT);
        waitUntil("the stepped-to frame is shown and the pulse stops again", () -> !vm.cine().animatingProperty().get()
                && vm.cine().displayedProperty().get() != null
                && vm.cine().displayedProperty().get().index() == vm.cine().frameIndexProperty().get());
    }

    @Test
    void draggingTheScrubBarShowsThatFrame(FxRobot robot) {
        open(robot, "examples_ybr_color.dcm");
        robot.interact(() -> vm.cine().pause());
        robot.drag("#scrubBar .thumb").moveBy(120, 0).drop();
        int frame = vm.cine().frameIndexProperty().get();
        assertThat(frame).isGreaterThan(0);
        waitUntil("frame " + (frame + 1) + " is on screen", () -> vm.cine().displayedProperty().get() != null
                && vm.cine().displayedProperty().get().index() == vm.cine().frameIndexProperty().get());
        assertThat(text(robot, "#frameLabel")).startsWith("Frame " + (vm.cine().frameIndexProperty().get() + 1)
                + "/30");
    }

    @Test
    void droppingAFolderFillsTheBrowserWithItsStudiesAndSeries(FxRobot robot) {
        Path folder = Samples.file("dicomdir");
        Dragboard dragboard = mock(Dragboard.class);
        when(dragboard.hasFiles()).thenReturn(true);
        when(dragboard.getFiles()).thenReturn(List.of(folder.toFile()));
        when(dragboard.getTransferModes()).thenReturn(java.util.Set.of(TransferMode.COPY));
        var root = window.root();
        DragEvent[] over = new DragEvent[1];
        DragEvent[] dropped = new DragEvent[1];
        robot.interact(() -> {
            over[0] = new DragEvent(DragEvent.DRAG_OVER, dragboard, 100, 100, 100, 100, TransferMode.COPY, null,
                    null, null);
            root.fireEvent(over[0]);
            dropped[0] = new DragEvent(DragEvent.DRAG_DROPPED, dragboard, 100, 100, 100, 100, TransferMode.COPY,
                    null, null, null);
            root.fireEvent(dropped[0]);
        });
        waitUntil("31 instances are listed", () -> vm.instances().size() == 31 && !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        TreeItem<org.sonocine.ui.browser.BrowserNode> tree = window.browser().tree().getRoot();
        assertEquals(2, tree.getChildren().size(), "patients");
        assertEquals(6, tree.getChildren().stream().mapToInt(p -> p.getChildren().size()).sum(), "studies");
        assertEquals(13, tree.getChildren().stream().flatMap(p -> p.getChildren().stream())
                .mapToInt(s -> s.getChildren().size()).sum(), "series");
        waitUntil("the first image found is shown", () -> vm.currentProperty().get() != null);
        waitUntil("thumbnails are made in the background", () -> robot.lookup("#instanceGrid .instance-cell")
                .queryAll().stream().flatMap(cell -> ((javafx.scene.Parent) cell).getChildrenUnmodifiable().stream())
                .flatMap(n -> n instanceof javafx.scene.Parent p ? p.getChildrenUnmodifiable().stream()
                        : java.util.stream.Stream.of(n))
                .anyMatch(n -> n instanceof ImageView v && v.getImage() != null));
    }

    @Test
    void fourToThreePixelAspectRatioIsDisplayedTallerThanItsGrid(FxRobot robot) {
        open(robot, "US-RGB-8-esopecho");
        ImageView view = robot.lookup("#imageView").queryAs(ImageView.class);
        assertNotNull(view.getImage());
        // Fitted to whole screen pixels, so within a pixel of the exact 4:3 shape.
        assertEquals(view.getFitWidth() * 120.0 * 4 / 3 / 256, view.getFitHeight(), 1.0);
        assertThat(text(robot, "#metaAspect")).startsWith("1.333 (height / width, from PixelAspectRatio)");
    }

    @Test
    void allAttributesCanBeFilteredAndSequencesExpanded(FxRobot robot) {
        open(robot, "JPEGLosslessP14SV1_3s_2f_u_08_08.dcm");
        robot.clickOn("All attributes");
        robot.clickOn("#attributeFilter").write("physical delta");
        WaitForAsyncUtils.waitForFxEvents();
        var table = robot.lookup("#attributeTable").queryAs(javafx.scene.control.TreeTableView.class);
        @SuppressWarnings("unchecked")
        TreeItem<AttributeTreeView.Row> root = table.getRoot();
        assertEquals(1, root.getChildren().size(), "only the regions sequence holds a match");
        TreeItem<AttributeTreeView.Row> regions = root.getChildren().get(0);
        assertEquals("(0018,6011)", regions.getValue().tag());
        assertTrue(regions.isExpanded());
        assertEquals(2, regions.getChildren().size(), "both regions have physical deltas");
        assertThat(regions.getChildren().get(0).getChildren()).extracting(i -> i.getValue().name())
                .containsExactly("Physical Delta X", "Physical Delta Y");
    }

    @Test
    void aDerivedImageLinksToItsSourceWhenThatIsLoaded(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        org.sonocine.dicom.DicomFile source = org.sonocine.dicom.DicomFile.open(Samples.file("US1_UNCR.dcm"));
        String sourceUid = source.dataset().getString(org.sonocine.dicom.Tag.SOPInstanceUID);
        source.close();
        java.nio.file.Files.copy(Samples.file("US1_UNCR.dcm"), dir.resolve("source.dcm"));
        org.sonocine.dicom.DicomFile derivedFrom = org.sonocine.dicom.DicomFile.open(Samples.file("US1_J2KR.dcm"));
        org.sonocine.dicom.Attributes ds = derivedFrom.dataset();
        ds.remove(org.sonocine.dicom.Tag.PixelData);
        derivedFrom.close();
        var item = ds.newSequence(org.sonocine.dicom.Tag.SourceImageSequence).addItem();
        item.setString(org.sonocine.dicom.Tag.ReferencedSOPClassUID, org.sonocine.dicom.VR.UI,
                "1.2.840.10008.5.1.4.1.1.6.1");
        item.setString(org.sonocine.dicom.Tag.ReferencedSOPInstanceUID, org.sonocine.dicom.VR.UI, sourceUid);
        Path derived = dir.resolve("derived.dcm");
        new org.sonocine.dicom.DicomWriter(org.sonocine.dicom.TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .writeFile(derived, ds);
        robot.interact(() -> vm.open(List.of(dir)));
        waitUntil("both files are scanned", () -> vm.instances().size() == 2 && !vm.busyProperty().get());
        robot.interact(() -> vm.openInstance(derived));
        waitUntil("the derived image is open", () -> vm.currentProperty().get() != null
                && vm.currentProperty().get().path().equals(derived));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#sourceLink");
        waitUntil("its source is open", () -> vm.currentProperty().get() != null
                && vm.currentProperty().get().path().getFileName().toString().equals("source.dcm"));
    }

    @Test
    void aBrokenFileShowsItsErrorWithoutBreakingTheRest(FxRobot robot) {
        open(robot, "MR_truncated.dcm");
        Label error = robot.lookup("#frameError").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertEquals("frame 1 is cut short: the file holds 8130 of its 8192 bytes", error.getText());
        assertEquals("MR", text(robot, "#metaModality"), "the header is shown even though the image is broken");
        open(robot, "US1_UNCR.dcm");
        assertFalse(error.isVisible());
        assertNotNull(robot.lookup("#imageView").queryAs(ImageView.class).getImage());
        assertEquals("4121885", text(robot, "#metaDeviceSerial"));
    }
}
