package org.sonocine.ui.measure;

import org.junit.jupiter.api.Test;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.Sequence;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.VR;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the viewer's labels say, for a dual view: a B-mode region beside a spectral Doppler strip. */
class CalibratedReaderTest {
    private static final int CM = 3;
    private static final int SECONDS = 4;
    private static final int CM_PER_S = 7;
    private final CalibratedReader reader = new CalibratedReader(dualView());

    /** Columns 0-299: B-mode, 0.05 cm per pixel; columns 300-599: Doppler, 0.01 s and -2 cm/s per pixel. */
    private static Attributes dualView() {
        Attributes ds = new Attributes();
        ds.setInt(Tag.Rows, VR.US, 400);
        ds.setInt(Tag.Columns, VR.US, 600);
        Sequence regions = ds.newSequence(Tag.SequenceOfUltrasoundRegions);
        region(regions, 0, 299, 1, CM, CM, 0.05, 0.05, 0);
        // Baseline (0 cm/s) at row 200 of the strip.
        region(regions, 300, 599, 3, SECONDS, CM_PER_S, 0.01, -2, 200);
        return ds;
    }

    private static void region(Sequence regions, int minX, int maxX, int format, int unitsX, int unitsY,
                               double deltaX, double deltaY, int referenceY) {
        Attributes item = regions.addItem();
        item.setInt(Tag.RegionSpatialFormat, VR.US, format);
        item.setInt(Tag.RegionLocationMinX0, VR.UL, minX);
        item.setInt(Tag.RegionLocationMinY0, VR.UL, 0);
        item.setInt(Tag.RegionLocationMaxX1, VR.UL, maxX);
        item.setInt(Tag.RegionLocationMaxY1, VR.UL, 399);
        item.setInt(Tag.PhysicalUnitsXDirection, VR.US, unitsX);
        item.setInt(Tag.PhysicalUnitsYDirection, VR.US, unitsY);
        item.setDouble(Tag.PhysicalDeltaX, VR.FD, deltaX);
        item.setDouble(Tag.PhysicalDeltaY, VR.FD, deltaY);
        item.setInt(Tag.ReferencePixelY0, VR.SL, referenceY);
    }

    private static Measurement m(MeasureTool tool, double... xy) {
        List<ImagePoint> points = new java.util.ArrayList<>();
        for (int i = 0; i < xy.length; i += 2) {
            points.add(new ImagePoint(xy[i], xy[i + 1]));
        }
        return new Measurement(tool, points, 0, false);
    }

    @Test
    void aDistanceInTheBModeRegionIsInCentimetres() {
        MeasurementReader.Reading r = reader.read(m(MeasureTool.DISTANCE, 10, 10, 40, 50));
        assertEquals("2.500 cm", r.text());
        assertEquals("region 1", r.source());
        assertFalse(r.refused());
    }

    @Test
    void aVelocityBelowTheBaselineIsNegativeWithItsGradient() {
        MeasurementReader.Reading r = reader.read(m(MeasureTool.VELOCITY, 400, 300));
        // 100 rows below the baseline at -2 cm/s per row: -200 cm/s = -2 m/s, 4 v² = 16 mmHg
        assertEquals("-200.0 cm/s  ΔP 16.00 mmHg", r.text());
        assertEquals("region 2", r.source());
    }

    @Test
    void aTimeIntervalGivesTheHeartRate() {
        MeasurementReader.Reading r = reader.read(m(MeasureTool.TIME, 350, 100, 430, 100));
        assertEquals("0.8000 s  75.00 bpm", r.text());
    }

    @Test
    void pointsInBothViewsAreRefusedNotMeasuredWithOneScale() {
        MeasurementReader.Reading r = reader.read(m(MeasureTool.DISTANCE, 100, 100, 400, 100));
        assertTrue(r.refused());
        assertEquals("the points lie in different ultrasound regions (1 and 2)", r.text());
    }

    @Test
    void anAreaAcrossSecondsAndVelocityIsRefused() {
        MeasurementReader.Reading r = reader.read(m(MeasureTool.ELLIPSE, 350, 100, 430, 200));
        assertTrue(r.refused());
        assertTrue(r.text().startsWith("an area needs x and y in the same length unit"), r.text());
    }

    @Test
    void hoveringNamesTheRegionUnderThePointer() {
        assertEquals("region 2 · spectral · 0.01000 s × 2.000 cm/s per pixel",
                reader.describePlace(new ImagePoint(450, 10), 0));
    }
}
