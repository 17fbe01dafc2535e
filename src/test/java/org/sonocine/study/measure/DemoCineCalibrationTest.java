package org.sonocine.study.measure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.dicom.DicomFile;
import org.sonocine.study.DemoCine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The demo cine, written and read back, measures as drawn: its sector in cm, its strip in s and cm/s. */
class DemoCineCalibrationTest {
    private static final double EPS = 1e-9;

    private static Calibration demo(Path dir) throws IOException {
        Path file = dir.resolve("demo.dcm");
        DemoCine.write(file);
        try (DicomFile dicom = DicomFile.open(file)) {
            return Calibration.of(dicom.dataset(), 0);
        }
    }

    @Test
    void theSectorIsInCentimetres(@TempDir Path dir) throws IOException {
        Distance d = Distance.between(demo(dir), new PixelPoint(100, 100), new PixelPoint(400, 100));
        assertEquals(OptionalInt.of(1), d.scale().regionNumber());
        assertEquals(9.0, d.length().orElseThrow().value(), EPS);
    }

    @Test
    void theStripReadsThePeakVelocityItWasDrawnWith(@TempDir Path dir) throws IOException {
        double peakSeconds = 0.15;
        int x = DemoCine.STRIP_LEFT + (int) Math.round(peakSeconds / DemoCine.SECONDS_PER_COLUMN);
        double v = DemoCine.velocityAt(peakSeconds);
        double row = DemoCine.STRIP_TOP + DemoCine.STRIP_BASELINE + v / DemoCine.CM_PER_SECOND_PER_ROW;
        PeakVelocity peak = PeakVelocity.at(demo(dir), new PixelPoint(x, row));
        assertEquals(OptionalInt.of(2), peak.scale().regionNumber());
        assertEquals(v, peak.velocity().value(), EPS);
        assertEquals(4 * (v / 100) * (v / 100), peak.gradient().value(), EPS);
    }

    @Test
    void twoPeaksOneCycleApartGiveTheHeartRate(@TempDir Path dir) throws IOException {
        int row = DemoCine.STRIP_TOP + 100;
        TimeInterval t = TimeInterval.between(demo(dir), new PixelPoint(DemoCine.STRIP_LEFT + 15, row),
                new PixelPoint(DemoCine.STRIP_LEFT + 95, row));
        assertEquals(0.8, t.interval().value(), EPS);
        assertEquals(75, t.heartRate().orElseThrow().value(), EPS);
    }
}
