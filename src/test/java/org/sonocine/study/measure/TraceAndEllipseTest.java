package org.sonocine.study.measure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.Sequence;
import org.sonocine.dicom.Tag;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sonocine.study.measure.CalibratedImages.image;
import static org.sonocine.study.measure.CalibratedImages.p;
import static org.sonocine.study.measure.CalibratedImages.region;
import static org.sonocine.study.measure.CalibratedImages.written;

/** Trace length and ellipse area, the viewer's two measurements beyond those of the command line. */
class TraceAndEllipseTest {
    private static final int CM = 3;
    private static final int SECONDS = 4;
    private static final int CM_PER_S = 7;
    private static final double EPS = 1e-9;

    @TempDir
    Path dir;

    private Calibration anisotropic() throws IOException {
        Attributes ds = image(1);
        Sequence regions = ds.newSequence(Tag.SequenceOfUltrasoundRegions);
        region(regions, 0, 0, 399, 299, CM, CM, 0.03, 0.02);
        return written(dir, ds);
    }

    @Test
    void aTraceAddsItsSegmentsInEachDirectionsScale() throws IOException {
        TraceLength t = TraceLength.of(anisotropic(), List.of(p(0, 0), p(100, 0), p(100, 150)));
        // 100 px x 0.03 = 3 cm across, then 150 px x 0.02 = 3 cm down
        assertEquals(6.0, t.length().value(), EPS);
        assertEquals("cm", t.length().unit());
    }

    @Test
    void anEllipseAreaIsPiTimesItsPhysicalSemiAxes() throws IOException {
        EllipseArea e = EllipseArea.of(anisotropic(), p(200, 250), p(100, 100));
        // box 100 px x 0.03 = 3 cm wide, 150 px x 0.02 = 3 cm high: a circle of radius 1.5 cm
        assertEquals(3.0, e.width().value(), EPS);
        assertEquals(3.0, e.height().value(), EPS);
        assertEquals(Math.PI * 1.5 * 1.5, e.area().value(), EPS);
        assertEquals("cm2", e.area().unit());
    }

    @Test
    void neitherIsMeasuredAcrossTimeAndVelocity() throws IOException {
        Attributes ds = image(1);
        Sequence regions = ds.newSequence(Tag.SequenceOfUltrasoundRegions);
        region(regions, 0, 0, 399, 299, SECONDS, CM_PER_S, 0.01, -2);
        Calibration doppler = written(dir, ds);

        var trace = assertThrows(MeasurementException.class,
                () -> TraceLength.of(doppler, List.of(p(0, 0), p(10, 10))));
        assertThat(trace.getMessage()).startsWith("a length needs x and y in the same length unit; ultrasound region 1");
        var ellipse = assertThrows(MeasurementException.class, () -> EllipseArea.of(doppler, p(0, 0), p(10, 10)));
        assertThat(ellipse.getMessage()).startsWith("an area needs x and y in the same length unit");
    }
}
