package org.sonocine.study.measure;

import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.DicomWriter;
import org.sonocine.dicom.Sequence;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;
import org.sonocine.testing.ImageHeaders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Ultrasound images of 640 x 480 with the regions a test describes, written with the project's writer and read back,
 * so that the calibration is tested on what a file holds.
 */
final class CalibratedImages {
    static final int COLUMNS = 640;
    static final int ROWS = 480;

    private CalibratedImages() {
    }

    /** A greyscale header with pixel data for {@code frames} frames and nothing that calibrates it. */
    static Attributes image(int frames) {
        Attributes ds = ImageHeaders.of(ROWS, COLUMNS, 1, 8, "MONOCHROME2", frames);
        ds.setBytes(Tag.PixelData, VR.OB, new byte[ROWS * COLUMNS * frames]);
        return ds;
    }

    /** Adds an item to {@code regions}: bounds inclusive, Physical Units codes, deltas; no reference pixel. */
    static Attributes region(Sequence regions, int minX, int minY, int maxX, int maxY, int unitsX, int unitsY,
                             double deltaX, double deltaY) {
        Attributes item = regions.addItem();
        item.setInt(Tag.RegionSpatialFormat, VR.US, unitsX == 3 && unitsY == 3 ? 1 : 3);
        item.setInt(Tag.RegionDataType, VR.US, 1);
        item.setInt(Tag.RegionFlags, VR.UL, 0);
        item.setInt(Tag.RegionLocationMinX0, VR.UL, minX);
        item.setInt(Tag.RegionLocationMinY0, VR.UL, minY);
        item.setInt(Tag.RegionLocationMaxX1, VR.UL, maxX);
        item.setInt(Tag.RegionLocationMaxY1, VR.UL, maxY);
        item.setInt(Tag.PhysicalUnitsXDirection, VR.US, unitsX);
        item.setInt(Tag.PhysicalUnitsYDirection, VR.US, unitsY);
        item.setDouble(Tag.PhysicalDeltaX, VR.FD, deltaX);
        item.setDouble(Tag.PhysicalDeltaY, VR.FD, deltaY);
        return item;
    }

    /** Sets the Reference Pixel (relative to the region's corner) and its physical values. */
    static void reference(Attributes region, int x0, int y0, double valueX, double valueY) {
        region.setInt(Tag.ReferencePixelX0, VR.SL, x0);
        region.setInt(Tag.ReferencePixelY0, VR.SL, y0);
        region.setDouble(Tag.ReferencePixelPhysicalValueX, VR.FD, valueX);
        region.setDouble(Tag.ReferencePixelPhysicalValueY, VR.FD, valueY);
    }

    /** Writes {@code ds}, reads it back and returns the calibration of frame {@code frameIndex} (0-based). */
    static Calibration written(Path dir, Attributes ds, int frameIndex) throws IOException {
        Path file = Files.createTempFile(dir, "calibrated", ".dcm");
        new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).writeFile(file, ds);
        try (DicomFile dicom = DicomFile.open(file)) {
            return Calibration.of(dicom.dataset(), frameIndex);
        }
    }

    static Calibration written(Path dir, Attributes ds) throws IOException {
        return written(dir, ds, 0);
    }

    static PixelPoint p(double x, double y) {
        return new PixelPoint(x, y);
    }
}
