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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sonocine.study.measure.CalibratedImages.image;
import static org.sonocine.study.measure.CalibratedImages.p;
import static org.sonocine.study.measure.CalibratedImages.reference;
import static org.sonocine.study.measure.CalibratedImages.region;
import static org.sonocine.study.measure.CalibratedImages.written;

/**
 * Measurements in the strips of a Doppler or M-mode image, where x is time and y is velocity or depth.
 *
 * <p>The spectral Doppler strip is columns 50-589, rows 300-479: 0.004 s per column and -2.5 cm/s per row (velocity
 * grows upwards), Reference Pixel (25, 100) relative to its corner, so (75, 400) is 1.0 s on the baseline (0 cm/s).
 *
 * <p>The M-mode strip is columns 40-599, rows 60-459: 0.005 s per column and 0.05 cm per row (depth grows
 * downwards), Reference Pixel (0, 20), so row 80 is 1.0 cm deep and column 40 is 0 s.
 */
class DopplerAndMModeMeasurementTest {
    private static final double EPS = 1e-9;

    @TempDir
    Path dir;

    private Calibration doppler() throws IOException {
        Attributes ds = image(1);
        ds.setString(Tag.PixelSpacing, VR.DS, "0.1", "0.1");
        Sequence regions = ds.newSequence(Tag.SequenceOfUltrasoundRegions);
        region(regions, 100, 0, 539, 279, 3, 3, 0.02, 0.02);
        reference(region(regions, 50, 300, 589, 479, 4, 7, 0.004, -2.5), 25, 100, 1.0, 0);
        return written(dir, ds);
    }

    private Calibration mMode() throws IOException {
        Attributes ds = image(1);
        reference(region(ds.newSequence(Tag.SequenceOfUltrasoundRegions), 40, 60, 599, 459, 4, 3, 0.005, 0.05),
                0, 20, 0, 1.0);
        return written(dir, ds);
    }

    @Test
    void dopplerVelocityIsPositiveAboveTheBaselineAndNegativeBelow() throws IOException {
        Calibration c = doppler();
        PointReadout above = PointReadout.at(c, p(150, 340));
        // x: 1.0 + (150 - (50 + 25)) x 0.004 = 1.3 s; y: 0 + (340 - (300 + 100)) x -2.5 = +150 cm/s
        assertEquals(2, above.scale().region());
        assertEquals(1.3, above.x().value(), EPS);
        assertEquals("s", above.x().unit());
        assertEquals(150, above.y().value(), EPS);
        assertEquals("cm/s", above.y().unit());
        PointReadout below = PointReadout.at(c, p(150, 460));
        // (460 - 400) x -2.5 = -150 cm/s
        assertEquals(-150, below.y().value(), EPS);
        assertEquals(0, PointReadout.at(c, p(75, 400)).y().value(), EPS);
    }

    @Test
    void velocityGivesTheSimplifiedBernoulliGradient() throws IOException {
        Calibration c = doppler();
        PeakVelocity fast = PeakVelocity.at(c, p(150, 320));
        // (320 - 400) x -2.5 = 200 cm/s = 2 m/s: 4 x 2^2 = 16 mmHg
        assertEquals(200, fast.velocity().value(), EPS);
        assertEquals(16, fast.gradient().value(), EPS);
        assertEquals("mmHg", fast.gradient().unit());
        PeakVelocity reversed = PeakVelocity.at(c, p(150, 440));
        // -100 cm/s = -1 m/s: 4 mmHg, whichever the direction
        assertEquals(-100, reversed.velocity().value(), EPS);
        assertEquals(4, reversed.gradient().value(), EPS);
    }

    @Test
    void aDopplerCaliperPairHasTimeAndVelocityButNoLength() throws IOException {
        Distance d = Distance.between(doppler(), p(100, 340), p(300, 460));
        // 200 columns x 0.004 = 0.8 s; 120 rows x -2.5 = -300 cm/s
        assertEquals(0.8, d.dx().value(), EPS);
        assertEquals(-300, d.dy().value(), EPS);
        assertTrue(d.length().isEmpty());
    }

    @Test
    void anAreaAcrossTimeAndVelocityIsRefused() throws IOException {
        Calibration c = doppler();
        MeasurementException e = assertThrows(MeasurementException.class,
                () -> PolygonArea.of(c, List.of(p(100, 320), p(200, 320), p(200, 380))));
        assertEquals("an area needs x and y in the same length unit; ultrasound region 2 has s across and cm/s down",
                e.getMessage());
    }

    @Test
    void timeIntervalGivesTheHeartRate() throws IOException {
        TimeInterval t = TimeInterval.between(doppler(), p(300, 400), p(100, 400));
        // 200 columns x 0.004 = 0.8 s: 60 / 0.8 = 75 bpm
        assertEquals(0.8, t.interval().value(), EPS);
        assertEquals(75, t.heartRate().orElseThrow().value(), EPS);
        assertEquals("bpm", t.heartRate().orElseThrow().unit());
    }

    @Test
    void calipersAtTheSameTimeHaveNoHeartRate() throws IOException {
        TimeInterval t = TimeInterval.between(doppler(), p(300, 400), p(300, 340));
        assertEquals(0, t.interval().value(), 0);
        assertTrue(t.heartRate().isEmpty());
    }

    @Test
    void aTimeIntervalInTheTissueImageIsRefused() throws IOException {
        Calibration c = doppler();
        MeasurementException e = assertThrows(MeasurementException.class,
                () -> TimeInterval.between(c, p(200, 100), p(300, 100)));
        assertEquals("a time interval needs s across; ultrasound region 1 has cm across and cm down", e.getMessage());
    }

    @Test
    void dopplerSlopeIsAnAcceleration() throws IOException {
        Slope s = Slope.between(doppler(), p(100, 320), p(200, 400));
        // from 200 cm/s to 0 cm/s in 100 x 0.004 = 0.4 s: -500 cm/s2
        assertEquals(-500, s.slope().value(), EPS);
        assertEquals("cm/s2", s.slope().unit());
    }

    @Test
    void velocityTimeIntegralOfATriangularEnvelope() throws IOException {
        Calibration c = doppler();
        // 0, 200, 0 cm/s at 0.2 s steps: (0 + 200) / 2 x 0.2 + (200 + 0) / 2 x 0.2 = 40 cm over 0.4 s
        VelocityTimeIntegral up = VelocityTimeIntegral.of(c, List.of(p(100, 400), p(150, 320), p(200, 400)));
        assertEquals(40, up.integral().value(), EPS);
        assertEquals("cm", up.integral().unit());
        assertEquals(0.4, up.duration().value(), EPS);
        // the same envelope below the baseline (flow away from the probe), traced right to left
        // row 478 is (478 - 400) x -2.5 = -195 cm/s: (0 + 195) / 2 x 0.2 x 2 = 39 cm
        VelocityTimeIntegral down = VelocityTimeIntegral.of(c, List.of(p(200, 400), p(150, 478), p(100, 400)));
        assertEquals(39, down.integral().value(), EPS);
    }

    @Test
    void velocityTimeIntegralNeedsADopplerStrip() throws IOException {
        Calibration c = mMode();
        MeasurementException e = assertThrows(MeasurementException.class,
                () -> VelocityTimeIntegral.of(c, List.of(p(100, 100), p(200, 100))));
        assertEquals("a velocity–time integral needs cm/s down; ultrasound region 1 has s across and cm down",
                e.getMessage());
    }

    @Test
    void mModePointReadsTimeAndDepthFromTheReferenceOffset() throws IOException {
        PointReadout r = PointReadout.at(mMode(), p(140, 180));
        // x: 0 + (140 - 40) x 0.005 = 0.5 s; y: 1.0 + (180 - (60 + 20)) x 0.05 = 6.0 cm
        assertEquals(0.5, r.x().value(), EPS);
        assertEquals("s", r.x().unit());
        assertEquals(6.0, r.y().value(), EPS);
        assertEquals("cm", r.y().unit());
    }

    @Test
    void mModeSlopeIsAVelocity() throws IOException {
        Slope s = Slope.between(mMode(), p(140, 180), p(240, 140));
        // 2 cm shallower (40 rows x 0.05) in 0.5 s (100 columns x 0.005): -4 cm/s
        assertEquals(-4, s.slope().value(), EPS);
        assertEquals("cm/s", s.slope().unit());
    }

    @Test
    void mModeTimeIntervalAndRefusedVelocity() throws IOException {
        Calibration c = mMode();
        TimeInterval t = TimeInterval.between(c, p(140, 100), p(340, 100));
        // 200 x 0.005 = 1 s: 60 bpm
        assertEquals(1.0, t.interval().value(), EPS);
        assertEquals(60, t.heartRate().orElseThrow().value(), EPS);
        MeasurementException e = assertThrows(MeasurementException.class, () -> PeakVelocity.at(c, p(140, 100)));
        assertEquals("a velocity needs cm/s down; ultrasound region 1 has s across and cm down", e.getMessage());
    }

    @Test
    void aSlopeNeedsTwoPointsApartInTime() throws IOException {
        Calibration c = mMode();
        MeasurementException e = assertThrows(MeasurementException.class,
                () -> Slope.between(c, p(140, 100), p(140, 200)));
        assertEquals("a slope needs two points apart across; these are at the same s", e.getMessage());
    }

    @Test
    void aSlopeOutsideEveryRegionIsRefused() throws IOException {
        Calibration c = doppler();
        MeasurementException e = assertThrows(MeasurementException.class,
                () -> Slope.between(c, p(10, 10), p(20, 20)));
        assertEquals("a slope needs an ultrasound region with physical units across and down; the points lie outside"
                + " every ultrasound region, where Pixel Spacing gives mm across and mm down", e.getMessage());
    }
}
