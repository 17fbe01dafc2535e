package org.sonocine.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.DicomWriter;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;
import org.sonocine.imaging.DisplayFrame;
import org.sonocine.imaging.FrameSource;
import org.sonocine.study.CineTiming;
import org.sonocine.study.Geometry;
import org.sonocine.testing.ImageHeaders;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportRendererBurnInTest {
    private static final int LINE = 0xffd54a;
    private static final int ROWS = 60;
    private static final int COLUMNS = 80;

    /** Two black grey frames of 80 x 60 pixels, shown twice as tall as wide. */
    private static Path blackCine(Path dir) throws IOException {
        Attributes ds = ImageHeaders.of(ROWS, COLUMNS, 1, 8, "MONOCHROME2", 2);
        ds.setString(Tag.PixelAspectRatio, VR.IS, "2", "1");
        ds.setString(Tag.FrameTime, VR.DS, "40");
        ds.setString(Tag.WindowCenter, VR.DS, "128");
        ds.setString(Tag.WindowWidth, VR.DS, "256");
        ds.setBytes(Tag.PixelData, VR.OB, new byte[2 * ROWS * COLUMNS]);
        Path file = dir.resolve("black.dcm");
        new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).writeFile(file, ds);
        return file;
    }

    private static DisplayFrame[] rendered(Path file, BurnIn burnIn, double scale, boolean[] monochrome)
            throws IOException {
        try (DicomFile dicom = DicomFile.open(file)) {
            FrameSource source = FrameSource.of(dicom);
            ExportRenderer renderer = ExportRenderer.of(source, Geometry.of(dicom.dataset()), scale)
                    .withBurnIn(burnIn, CineTiming.of(dicom.dataset(), source.frameCount()));
            monochrome[0] = renderer.monochrome();
            return new DisplayFrame[] {renderer.render(source.decode(0)), renderer.render(source.decode(1))};
        }
    }

    private static int rgb(DisplayFrame frame, int x, int y) {
        return frame.pixel(x, y) & 0xFFFFFF;
    }

    private static int lit(DisplayFrame frame, int x0, int y0, int x1, int y1) {
        int count = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (rgb(frame, x, y) != 0) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void aMeasurementIsDrawnWhereItLiesOnTheScaledAndStretchedImageOnItsOwnFrameOnly(@TempDir Path dir)
            throws IOException {
        // y 5.25 of 60 stored rows is row 21 of the 240 exported ones (aspect 2, scale 2): a full-coverage row.
        BurnIn.Mark line = new BurnIn.Mark(BurnIn.Shape.LINE, new double[] {5, 5.25, 35, 5.25}, "", 0);
        boolean[] monochrome = new boolean[1];

        DisplayFrame[] frames = rendered(blackCine(dir), new BurnIn(false, List.of(line)), 2, monochrome);

        assertEquals(160, frames[0].width());
        assertEquals(240, frames[0].height());
        assertEquals(LINE, rgb(frames[0], 40, 21), "on the line");
        assertEquals(0, rgb(frames[0], 40, 30), "off the line");
        assertEquals(0, rgb(frames[0], 100, 21), "beyond its end");
        assertEquals(0, lit(frames[1], 0, 0, 160, 240), "the other frame is untouched");
        assertFalse(monochrome[0], "coloured marks make the export colour");
    }

    @Test
    void aMarkHeldOnAllFramesIsOnEveryFrameWithItsLabelBesideItsLastPoint(@TempDir Path dir) throws IOException {
        BurnIn.Mark cross = new BurnIn.Mark(BurnIn.Shape.CROSS, new double[] {20, 15}, "1.2 m/s",
                BurnIn.Mark.ALL_FRAMES);
        boolean[] monochrome = new boolean[1];

        DisplayFrame[] frames = rendered(blackCine(dir), new BurnIn(false, List.of(cross)), 1, monochrome);

        for (DisplayFrame frame : frames) {
            assertEquals(LINE, rgb(frame, 20, 30), "the cross's centre on frame " + frame.index());
            assertThat(lit(frame, 28, 34, 80, 60)).as("the label right of and below it").isGreaterThan(20);
            assertEquals(0, lit(frame, 0, 45, 15, 60), "away from both");
        }
    }

    @Test
    void overlayTextAloneKeepsAGreyImageGrey(@TempDir Path dir) throws IOException {
        boolean[] monochrome = new boolean[1];

        DisplayFrame[] frames = rendered(blackCine(dir), BurnIn.OVERLAY_TEXT, 4, monochrome);

        assertTrue(monochrome[0]);
        assertThat(lit(frames[1], 0, 0, 160, 40)).as("the text in the top-left corner").isGreaterThan(100);
        assertEquals(0, lit(frames[1], 0, 120, 320, 480), "nothing below it");
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 160; x++) {
                int p = rgb(frames[1], x, y);
                assertEquals(p & 0xFF, (p >> 8) & 0xFF, "white text on black: grey at " + x + "," + y);
            }
        }
    }

    @Test
    void nothingToBurnInLeavesTheRenderingAsItIs(@TempDir Path dir) throws IOException {
        boolean[] monochrome = new boolean[1];

        DisplayFrame[] frames = rendered(blackCine(dir), BurnIn.NONE, 1, monochrome);

        assertEquals(0, lit(frames[0], 0, 0, 80, 120));
        assertTrue(monochrome[0]);
    }
}
