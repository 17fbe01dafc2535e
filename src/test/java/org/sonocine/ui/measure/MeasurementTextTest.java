package org.sonocine.ui.measure;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The list of measurements as text: tab-separated to paste, CSV to save, values quoted where they must be. */
class MeasurementTextTest {
    private final MeasurementReader reader = m -> m.tool() == MeasureTool.DISTANCE
            ? new MeasurementReader.Reading("4.500 cm", "region 1", false)
            : MeasurementReader.Reading.refusal("the points lie in different ultrasound regions (1 and 2)");
    private final List<Measurement> measurements = List.of(
            new Measurement(MeasureTool.DISTANCE, List.of(new ImagePoint(1, 2), new ImagePoint(151, 2)), 0, false),
            new Measurement(MeasureTool.SLOPE, List.of(new ImagePoint(3, 4), new ImagePoint(500, 4)), 6, true));

    @Test
    void tabSeparatedHasAHeaderAndARowEach() {
        assertEquals("""
                Tool\tFrame\tValue\tCalibration\tPoints
                Distance\t1\t4.500 cm\tregion 1\t1.0,2.0 151.0,2.0
                Slope\tall\tthe points lie in different ultrasound regions (1 and 2)\t\t3.0,4.0 500.0,4.0
                """, MeasurementText.tabSeparated(measurements, reader));
    }

    @Test
    void csvQuotesValuesWithCommas() {
        assertEquals("Tool,Frame,Value,Calibration,Points\r\n"
                + "Distance,1,4.500 cm,region 1,\"1.0,2.0 151.0,2.0\"\r\n"
                + "Slope,all,the points lie in different ultrasound regions (1 and 2),,\"3.0,4.0 500.0,4.0\"\r\n",
                MeasurementText.csv(measurements, reader));
    }
}
