package org.sonocine.study.measure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sonocine.dicom.DicomFile;
import org.sonocine.testing.Samples;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sonocine.study.measure.CalibratedImages.p;

/**
 * The calibration of the shared samples that carry ultrasound regions, against the attributes as dcmdump prints
 * them. Expected values are worked out by hand from those attributes, with the formula of PS3.3 C.8.5.5.1:
 * value = ReferencePixelPhysicalValue + (p - (RegionLocationMin + ReferencePixel)) x PhysicalDelta.
 */
class SampleCalibrationTest {
    private static final double EPS = 1e-9;

    private static Calibration of(String sample, int frameIndex) throws IOException {
        try (DicomFile file = DicomFile.open(Samples.file(sample))) {
            return Calibration.of(file.dataset(), frameIndex);
        }
    }

    /*
     * GH364.dcm (Philips iU22, C5-1, ABD_GENERAL; 1024 x 768), one region, read from the orphan item the reader
     * recovers (dcmdump reads it once the missing SQ header is put back):
     *   RegionLocationMinX0 84, MinY0 98, MaxX1 1009, MaxY1 758; units 3\3 (cm);
     *   PhysicalDeltaX = PhysicalDeltaY = 0.025111150360003802; no Reference Pixel attributes (so 0).
     * A 926 x 661 pixel sector at 0.251 mm per pixel is 23 cm wide and 16.6 cm deep: an abdominal field of view.
     */
    @Test
    void gh364TissueRegionInCentimetres() throws IOException {
        Calibration c = of("GH364.dcm", 0);
        Distance d = Distance.between(c, p(200, 200), p(500, 600));
        // 300 and 400 pixels: 7.5333 cm and 10.0445 cm; length 500 x 0.025111150360003802 = 12.5556 cm
        assertEquals(1, d.scale().region());
        assertEquals(300 * 0.025111150360003802, d.dx().value(), EPS);
        assertEquals(400 * 0.025111150360003802, d.dy().value(), EPS);
        assertEquals(12.555575180001901, d.length().orElseThrow().value(), EPS);
        assertEquals("cm", d.length().orElseThrow().unit());
        PointReadout r = PointReadout.at(c, p(184, 298));
        // (184 - 84) x delta = 2.5111 cm across, (298 - 98) x delta = 5.0222 cm down from the region's corner
        assertEquals(2.5111150360003802, r.x().value(), EPS);
        assertEquals(5.0222300720007604, r.y().value(), EPS);
    }

    /*
     * IM00001 (ACUSON, 320 x 240, 8 frames), in both encodings of the sample; dcmdump shows two regions:
     *   1: MinX0 0, MinY0 16, MaxX1 319, MaxY1 231; units 0\0; deltas 1\1 (the whole screen, no physical unit)
     *   2: MinX0 0, MinY0 16, MaxX1 319, MaxY1 217; units 3\3 (cm); ReferencePixelX0 183, ReferencePixelY0 -82;
     *      ReferencePixelPhysicalValueX 7.9782015879066819, ReferencePixelPhysicalValueY -3.5749318590620107;
     *      PhysicalDeltaX -0.2293750081863255 (negative: x grows to the left), PhysicalDeltaY 0.2293750081863255.
     * Region 2 lies inside region 1, so its points take region 2's scale.
     */
    @ParameterizedTest
    @ValueSource(strings = {"IM00001.implicit_little_endian.dcm", "IM00001.fragmented_no_bot_jpeg_baseline.50.dcm"})
    void im00001NestedRegionWithNegativeDeltaX(String sample) throws IOException {
        Calibration c = of(sample, 7);
        Distance d = Distance.between(c, p(100, 50), p(200, 150));
        // dx = 100 x -0.2293750081863255 = -22.9375 cm; dy = +22.9375 cm; length 22.9375 x sqrt 2 = 32.4385 cm
        assertEquals(2, d.scale().region());
        assertEquals(-22.93750081863255, d.dx().value(), EPS);
        assertEquals(22.93750081863255, d.dy().value(), EPS);
        assertEquals(22.93750081863255 * Math.sqrt(2), d.length().orElseThrow().value(), EPS);
        PointReadout r = PointReadout.at(c, p(183, 100));
        // x: reference column 0 + 183 = 183, so 7.9782 cm; y: reference row 16 - 82 = -66, so
        // -3.5749318590620107 + (100 + 66) x 0.2293750081863255 = 34.5013 cm
        assertEquals(7.9782015879066819, r.x().value(), EPS);
        assertEquals(-3.5749318590620107 + 166 * 0.2293750081863255, r.y().value(), EPS);
    }

    @Test
    void im00001StripBelowTheTissueRegionIsInPixels() throws IOException {
        Calibration c = of("IM00001.implicit_little_endian.dcm", 0);
        // rows 218-231 lie in region 1 only, which has no physical units
        Distance strip = Distance.between(c, p(10, 220), p(10, 230));
        assertEquals(1, strip.scale().region());
        assertEquals(10, strip.dy().value(), EPS);
        assertEquals("px", strip.dy().unit());
        // a point in region 2 and one in the strip: only region 1 holds both, so pixels, never region 2's cm
        Distance across = Distance.between(c, p(10, 100), p(10, 225));
        assertEquals(1, across.scale().region());
        assertEquals("px", across.length().orElseThrow().unit());
        // rows 0-15 are in no region, and the file has no Pixel Spacing
        assertEquals(CalibrationSource.NONE, PointReadout.at(c, p(10, 5)).scale().source());
    }

    /*
     * JPEGLosslessP14SV1_3s_2f_u_08_08.dcm (Medistim VeriQ C, 1024 x 768, 2 frames); dcmdump shows two regions:
     *   1: 2D tissue, MinX0 80, MinY0 28, MaxX1 944, MaxY1 568; units 3\3 (cm); ReferencePixelX0 512,
     *      ReferencePixelY0 28; reference values 0\0; PhysicalDeltaX = PhysicalDeltaY = 0.0027742814617576421
     *   2: ECG waveform, MinX0 86, MinY0 645, MaxX1 976, MaxY1 762; units 4\0 (s, none); ReferencePixelX0 86,
     *      ReferencePixelY0 742; reference values 0\0; PhysicalDeltaX 0.005617977528089888 (1/178 s),
     *      PhysicalDeltaY -0.051282051282051277
     * 0.028 mm pixels make a 2.4 cm wide field: an intra-operative high-frequency probe. This writer's reference
     * pixels look like whole-image coordinates (512 is the middle of columns 80-944); the standard makes them
     * relative to the region's corner, and that is how they are read. Lengths do not depend on it.
     */
    @Test
    void veriqTissueRegionInCentimetres() throws IOException {
        for (int frame = 0; frame < 2; frame++) {
            Calibration c = of("JPEGLosslessP14SV1_3s_2f_u_08_08.dcm", frame);
            Distance d = Distance.between(c, p(100, 100), p(400, 500));
            // 300 and 400 pixels; length 500 x 0.0027742814617576421 = 1.3871 cm
            assertEquals(1, d.scale().region());
            assertEquals(300 * 0.0027742814617576421, d.dx().value(), EPS);
            assertEquals(1.38714073087882105, d.length().orElseThrow().value(), EPS);
            // the Reference Pixel is relative to the region's corner: (80 + 512, 28 + 28) = (592, 56) reads 0, 0
            PointReadout origin = PointReadout.at(c, p(592, 56));
            assertEquals(0, origin.x().value(), EPS);
            assertEquals(0, origin.y().value(), EPS);
        }
    }

    @Test
    void veriqEcgRegionGivesTimeAndHeartRate() throws IOException {
        Calibration c = of("JPEGLosslessP14SV1_3s_2f_u_08_08.dcm", 0);
        TimeInterval t = TimeInterval.between(c, p(86, 700), p(976, 700));
        // the strip's full width, 890 columns x 1/178 s = 5 s; 60 / 5 = 12 per minute
        assertEquals(2, t.scale().region());
        assertEquals(5.0, t.interval().value(), EPS);
        assertEquals(12, t.heartRate().orElseThrow().value(), EPS);
        PointReadout r = PointReadout.at(c, p(272, 700));
        // x: (272 - (86 + 86)) x 0.005617977528089888 = 0.5618 s; y has no unit: the row, 700 px
        assertEquals(100 * 0.005617977528089888, r.x().value(), EPS);
        assertEquals(700, r.y().value(), EPS);
        assertEquals("px", r.y().unit());
    }

    @Test
    void veriqTissueAndEcgCannotBeMeasuredTogether() throws IOException {
        Calibration c = of("JPEGLosslessP14SV1_3s_2f_u_08_08.dcm", 0);
        MeasurementException e = assertThrows(MeasurementException.class,
                () -> Distance.between(c, p(100, 100), p(300, 700)));
        assertEquals("the points lie in different ultrasound regions (1 and 2)", e.getMessage());
    }

    /*
     * US-RGB-8-epicard (GE LOGIQ 700) and US-RGB-8-esopecho: no Sequence of Ultrasound Regions, no Pixel Spacing
     * and no Imager Pixel Spacing in dcmdump; esopecho's Pixel Aspect Ratio 4\3 shapes the display but is no
     * calibration.
     */
    @ParameterizedTest
    @ValueSource(strings = {"US-RGB-8-epicard", "US-RGB-8-esopecho"})
    void imagesWithoutCalibrationMeasureInPixels(String sample) throws IOException {
        Calibration c = of(sample, 0);
        assertTrue(c.regions().isEmpty());
        Distance d = Distance.between(c, p(10, 10), p(40, 50));
        assertEquals(CalibrationSource.NONE, d.scale().source());
        assertEquals(50, d.length().orElseThrow().value(), EPS);
        assertEquals("px", d.length().orElseThrow().unit());
        PolygonArea a = PolygonArea.of(c, List.of(p(0, 0), p(10, 0), p(10, 10)));
        assertEquals(50, a.area().value(), EPS);
        assertEquals("px2", a.area().unit());
    }
}
