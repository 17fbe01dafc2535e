package org.sonocine.study.measure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.Sequence;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.VR;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sonocine.study.measure.CalibratedImages.image;
import static org.sonocine.study.measure.CalibratedImages.p;
import static org.sonocine.study.measure.CalibratedImages.reference;
import static org.sonocine.study.measure.CalibratedImages.region;
import static org.sonocine.study.measure.CalibratedImages.written;

class CalibrationTest {
    private static final int CM = 3;
    private static final double EPS = 1e-9;

    @TempDir
    Path dir;

    private Calibration bMode(double deltaX, double deltaY) throws IOException {
        Attributes ds = image(1);
        Sequence regions = ds.newSequence(Tag.SequenceOfUltrasoundRegions);
        reference(region(regions, 100, 50, 539, 449, CM, CM, deltaX, deltaY), 220, 0, 0, 0);
        return written(dir, ds);
    }

    @Test
    void squareBModeRegionGivesALengthInCentimetres() throws IOException {
        Distance d = Distance.between(bMode(0.02, 0.02), p(150, 100), p(390, 420));
        // 240 px x 0.02 = 4.8 cm across, 320 px x 0.02 = 6.4 cm down, hypotenuse 8.0 cm
        assertEquals(CalibrationSource.REGION, d.scale().source());
        assertEquals(OptionalInt.of(1), d.scale().regionNumber());
        assertEquals("cm", d.dx().unit());
        assertEquals(4.8, d.dx().value(), EPS);
        assertEquals(6.4, d.dy().value(), EPS);
        assertEquals(8.0, d.length().orElseThrow().value(), EPS);
        assertEquals("cm", d.length().orElseThrow().unit());
    }

    @Test
    void dxAndDyAreSignedSecondPointMinusFirst() throws IOException {
        Distance d = Distance.between(bMode(0.02, 0.02), p(390, 420), p(150, 100));
        assertEquals(-4.8, d.dx().value(), EPS);
        assertEquals(-6.4, d.dy().value(), EPS);
        assertEquals(8.0, d.length().orElseThrow().value(), EPS);
    }

    @Test
    void anisotropicBModeRegionScalesEachDirectionByItsOwnDelta() throws IOException {
        Calibration c = bMode(0.03, 0.02);
        Distance d = Distance.between(c, p(100, 100), p(200, 250));
        // 100 px x 0.03 = 3 cm, 150 px x 0.02 = 3 cm, length sqrt(18) = 4.2426 cm
        assertEquals(3.0, d.dx().value(), EPS);
        assertEquals(3.0, d.dy().value(), EPS);
        assertEquals(Math.sqrt(18), d.length().orElseThrow().value(), EPS);
        PolygonArea a = PolygonArea.of(c, List.of(p(200, 100), p(300, 100), p(300, 200), p(200, 200)));
        // 100 x 100 px, each 0.03 x 0.02 cm = 0.0006 cm2: 6 cm2
        assertEquals(6.0, a.area().value(), EPS);
        assertEquals("cm2", a.area().unit());
    }

    @Test
    void pointValueIsMeasuredFromTheReferencePixelRelativeToTheRegionCorner() throws IOException {
        Calibration c = bMode(0.02, 0.02);
        // reference pixel at (100 + 220, 50 + 0) = (320, 50) has the value (0, 0)
        PointReadout atReference = PointReadout.at(c, p(320, 50));
        assertEquals(0, atReference.x().value(), EPS);
        assertEquals(0, atReference.y().value(), EPS);
        PointReadout left = PointReadout.at(c, p(220, 150));
        assertEquals(-2.0, left.x().value(), EPS);
        assertEquals(2.0, left.y().value(), EPS);
        assertEquals("cm", left.y().unit());
    }

    @Test
    void absentReferenceAttributesMeanZero() throws IOException {
        Attributes ds = image(1);
        region(ds.newSequence(Tag.SequenceOfUltrasoundRegions), 100, 50, 539, 449, CM, CM, 0.02, 0.05);
        PointReadout r = PointReadout.at(written(dir, ds), p(110, 70));
        // the region's corner (100, 50) is the reference with the value 0: 10 x 0.02 and 20 x 0.05
        assertEquals(0.2, r.x().value(), EPS);
        assertEquals(1.0, r.y().value(), EPS);
    }

    @Test
    void regionBoundsAreInclusive() throws IOException {
        Calibration c = bMode(0.02, 0.02);
        assertEquals(OptionalInt.of(1), c.regionAt(p(100, 50)));
        assertEquals(OptionalInt.of(1), c.regionAt(p(539, 449)));
        assertEquals(OptionalInt.empty(), c.regionAt(p(540, 449)));
        assertEquals(OptionalInt.empty(), c.regionAt(p(539, 450)));
        assertEquals(OptionalInt.empty(), c.regionAt(p(99, 50)));
    }

    private Calibration dualView() throws IOException {
        Attributes ds = image(1);
        Sequence regions = ds.newSequence(Tag.SequenceOfUltrasoundRegions);
        region(regions, 0, 0, 319, 479, CM, CM, 0.02, 0.02);
        region(regions, 320, 0, 639, 479, CM, CM, 0.04, 0.04);
        return written(dir, ds);
    }

    @Test
    void dualViewMeasuresEachSideWithItsOwnScale() throws IOException {
        Calibration c = dualView();
        Distance left = Distance.between(c, p(10, 10), p(110, 10));
        Distance right = Distance.between(c, p(330, 10), p(430, 10));
        assertEquals(1, left.scale().region());
        assertEquals(2.0, left.length().orElseThrow().value(), EPS);
        assertEquals(2, right.scale().region());
        assertEquals(4.0, right.length().orElseThrow().value(), EPS);
    }

    @Test
    void pointsInDifferentRegionsAreRefused() throws IOException {
        Calibration c = dualView();
        MeasurementException e = assertThrows(MeasurementException.class,
                () -> Distance.between(c, p(10, 10), p(330, 10)));
        assertEquals("the points lie in different ultrasound regions (1 and 2)", e.getMessage());
    }

    @Test
    void pointsPartlyOutsideEveryRegionAreRefused() throws IOException {
        Attributes ds = image(1);
        ds.setString(Tag.PixelSpacing, VR.DS, "0.1", "0.1");
        region(ds.newSequence(Tag.SequenceOfUltrasoundRegions), 100, 50, 539, 449, CM, CM, 0.02, 0.02);
        Calibration c = written(dir, ds);
        MeasurementException e = assertThrows(MeasurementException.class,
                () -> Distance.between(c, p(200, 200), p(10, 10)));
        assertEquals("the points lie partly in ultrasound region 1 and partly outside every ultrasound region",
                e.getMessage());
    }

    @Test
    void pointsOutsideEveryRegionUsePixelSpacing() throws IOException {
        Attributes ds = image(1);
        ds.setString(Tag.PixelSpacing, VR.DS, "0.2", "0.1");
        region(ds.newSequence(Tag.SequenceOfUltrasoundRegions), 100, 50, 539, 449, CM, CM, 0.02, 0.02);
        Distance d = Distance.between(written(dir, ds), p(10, 10), p(40, 50));
        // outside the region: 30 columns x 0.1 mm = 3 mm, 40 rows x 0.2 mm = 8 mm
        assertEquals(CalibrationSource.PIXEL_SPACING, d.scale().source());
        assertEquals(OptionalInt.empty(), d.scale().regionNumber());
        assertEquals(3.0, d.dx().value(), EPS);
        assertEquals(8.0, d.dy().value(), EPS);
        assertEquals("mm", d.length().orElseThrow().unit());
    }

    private Calibration nested(boolean innerFirst) throws IOException {
        Attributes ds = image(1);
        Sequence regions = ds.newSequence(Tag.SequenceOfUltrasoundRegions);
        if (innerFirst) {
            region(regions, 100, 100, 299, 299, CM, CM, 0.01, 0.01);
        }
        region(regions, 0, 0, 639, 479, CM, CM, 0.05, 0.05);
        if (!innerFirst) {
            region(regions, 100, 100, 299, 299, CM, CM, 0.01, 0.01);
        }
        return written(dir, ds);
    }

    @Test
    void theInnermostRegionContainingAllPointsWins() throws IOException {
        for (boolean innerFirst : new boolean[] {true, false}) {
            Calibration c = nested(innerFirst);
            int inner = innerFirst ? 1 : 2;
            int outer = innerFirst ? 2 : 1;
            Distance inside = Distance.between(c, p(110, 110), p(210, 110));
            assertEquals(inner, inside.scale().region());
            assertEquals(1.0, inside.length().orElseThrow().value(), EPS);
            // one point in the inner region, one only in the outer: only the outer contains both
            Distance across = Distance.between(c, p(110, 110), p(410, 110));
            assertEquals(outer, across.scale().region());
            assertEquals(15.0, across.length().orElseThrow().value(), EPS);
            assertEquals(OptionalInt.of(inner), c.regionAt(p(200, 200)));
        }
    }

    @Test
    void pixelSpacingOnlyGivesMillimetres() throws IOException {
        Attributes ds = image(1);
        ds.setString(Tag.PixelSpacing, VR.DS, "0.2", "0.1");
        Calibration c = written(dir, ds);
        Distance d = Distance.between(c, p(0, 0), p(30, 40));
        // row spacing 0.2 mm (down), column spacing 0.1 mm (across): 3 mm and 8 mm, length sqrt(73) mm
        assertEquals(3.0, d.dx().value(), EPS);
        assertEquals(8.0, d.dy().value(), EPS);
        assertEquals(Math.sqrt(73), d.length().orElseThrow().value(), EPS);
        assertEquals("", d.scale().note());
        PolygonArea a = PolygonArea.of(c, List.of(p(0, 0), p(10, 0), p(10, 10), p(0, 10)));
        assertEquals(2.0, a.area().value(), EPS);
        assertEquals("mm2", a.area().unit());
        PointReadout r = PointReadout.at(c, p(30, 40));
        assertEquals("mm", r.x().unit());
        assertEquals(3.0, r.x().value(), EPS);
        assertEquals(8.0, r.y().value(), EPS);
    }

    @Test
    void imagerPixelSpacingIsUsedWithANoteOnMagnification() throws IOException {
        Attributes ds = image(1);
        ds.setString(Tag.ImagerPixelSpacing, VR.DS, "0.5", "0.5");
        Distance d = Distance.between(written(dir, ds), p(0, 0), p(3, 4));
        assertEquals(CalibrationSource.IMAGER_PIXEL_SPACING, d.scale().source());
        assertEquals(2.5, d.length().orElseThrow().value(), EPS);
        assertEquals("mm", d.length().orElseThrow().unit());
        assertEquals("Imager Pixel Spacing is not corrected for magnification", d.scale().note());
    }

    @Test
    void pixelSpacingWinsOverImagerPixelSpacing() throws IOException {
        Attributes ds = image(1);
        ds.setString(Tag.PixelSpacing, VR.DS, "0.25", "0.25");
        ds.setString(Tag.ImagerPixelSpacing, VR.DS, "0.5", "0.5");
        Distance d = Distance.between(written(dir, ds), p(0, 0), p(3, 4));
        assertEquals(CalibrationSource.PIXEL_SPACING, d.scale().source());
        assertEquals(1.25, d.length().orElseThrow().value(), EPS);
    }

    @Test
    void withNothingToCalibrateValuesAreLabelledPixels() throws IOException {
        Calibration c = written(dir, image(1));
        Distance d = Distance.between(c, p(0, 0), p(3, 4));
        assertEquals(CalibrationSource.NONE, d.scale().source());
        assertEquals(5.0, d.length().orElseThrow().value(), EPS);
        assertEquals("px", d.length().orElseThrow().unit());
        PolygonArea a = PolygonArea.of(c, List.of(p(0, 0), p(4, 0), p(0, 3)));
        assertEquals(6.0, a.area().value(), EPS);
        assertEquals("px2", a.area().unit());
    }

    @Test
    void anAxisWithoutPhysicalUnitsIsInPixels() throws IOException {
        Attributes ds = image(1);
        // an ECG strip: time across, no unit down
        region(ds.newSequence(Tag.SequenceOfUltrasoundRegions), 0, 400, 639, 479, 4, 0, 0.01, -0.05);
        Distance d = Distance.between(written(dir, ds), p(100, 410), p(150, 430));
        assertEquals("s", d.dx().unit());
        assertEquals(0.5, d.dx().value(), EPS);
        assertEquals(20, d.dy().value(), EPS);
        assertEquals("px", d.dy().unit());
        assertTrue(d.length().isEmpty());
    }

    @Test
    void aRegionWithUnitsButNoDeltaIsRefused() throws IOException {
        Attributes ds = image(1);
        Attributes item = region(ds.newSequence(Tag.SequenceOfUltrasoundRegions), 0, 0, 639, 479, CM, CM, 0.1, 0.1);
        item.remove(Tag.PhysicalDeltaY);
        Calibration c = written(dir, ds);
        MeasurementException e = assertThrows(MeasurementException.class, () -> PointReadout.at(c, p(5, 5)));
        assertEquals("ultrasound region 1 gives cm in Y but no usable Physical Delta Y", e.getMessage());
    }

    @Test
    void anAreaNeedsThreePoints() throws IOException {
        Calibration c = written(dir, image(1));
        MeasurementException e = assertThrows(MeasurementException.class,
                () -> PolygonArea.of(c, List.of(p(0, 0), p(4, 0))));
        assertEquals("an area needs at least 3 points, got 2", e.getMessage());
    }

    /** Enhanced multi-frame: regions in the per-frame group, the shared group, and (ignored) at the top level. */
    private Attributes enhanced() {
        Attributes ds = image(3);
        region(ds.newSequence(Tag.SequenceOfUltrasoundRegions), 0, 0, 639, 479, CM, CM, 0.5, 0.5);
        Attributes shared = ds.newSequence(Tag.SharedFunctionalGroupsSequence).addItem();
        region(shared.newSequence(Tag.SequenceOfUltrasoundRegions), 0, 0, 639, 479, CM, CM, 0.03, 0.03);
        Sequence perFrame = ds.newSequence(Tag.PerFrameFunctionalGroupsSequence);
        region(perFrame.addItem().newSequence(Tag.SequenceOfUltrasoundRegions), 0, 0, 639, 479, CM, CM, 0.01, 0.01);
        region(perFrame.addItem().newSequence(Tag.SequenceOfUltrasoundRegions), 0, 0, 639, 479, CM, CM, 0.02, 0.02);
        perFrame.addItem().setString(Tag.FrameLabel, VR.LO, "no regions of its own");
        return ds;
    }

    @Test
    void perFrameRegionsOverrideTheSharedAndTopLevelOnes() throws IOException {
        Attributes ds = enhanced();
        double[] expected = {1.0, 2.0, 3.0}; // 100 px at 0.01, 0.02 (per frame), then 0.03 (shared)
        for (int frame = 0; frame < 3; frame++) {
            Distance d = Distance.between(written(dir, ds, frame), p(0, 0), p(100, 0));
            assertEquals(expected[frame], d.length().orElseThrow().value(), EPS, "frame " + (frame + 1));
        }
    }

    @Test
    void perFramePixelMeasuresGiveTheSpacingOfEachFrame() throws IOException {
        Attributes ds = image(2);
        ds.setString(Tag.PixelSpacing, VR.DS, "1", "1");
        Sequence perFrame = ds.newSequence(Tag.PerFrameFunctionalGroupsSequence);
        perFrame.addItem().newSequence(Tag.PixelMeasuresSequence).addItem()
                .setString(Tag.PixelSpacing, VR.DS, "0.1", "0.1");
        perFrame.addItem().newSequence(Tag.PixelMeasuresSequence).addItem()
                .setString(Tag.PixelSpacing, VR.DS, "0.3", "0.3");
        assertEquals(0.5, Distance.between(written(dir, ds, 0), p(0, 0), p(3, 4)).length().orElseThrow().value(),
                EPS);
        assertEquals(1.5, Distance.between(written(dir, ds, 1), p(0, 0), p(3, 4)).length().orElseThrow().value(),
                EPS);
    }

    @Test
    void fractionalPointsBelongToThePixelTheyFallIn() throws IOException {
        Calibration c = bMode(0.02, 0.02);
        assertTrue(c.regionAt(p(539.4, 449.4)).isPresent());
        assertFalse(c.regionAt(p(539.5, 300)).isPresent());
        assertTrue(c.regionAt(p(99.5, 300)).isPresent());
    }
}
