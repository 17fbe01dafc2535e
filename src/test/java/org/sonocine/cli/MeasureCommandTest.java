package org.sonocine.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomWriter;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;
import org.sonocine.testing.ImageHeaders;
import org.sonocine.testing.Samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sonocine measure}: the JSON of its three measurements, and refusals with exit status 1. */
class MeasureCommandTest {
    private static final double EPS = 1e-9;
    /* JPEGLosslessP14SV1_3s_2f_u_08_08.dcm: region 1 is tissue in cm, 0.0027742814617576421 cm per pixel both ways,
     * columns 80-944 and rows 28-568, Reference Pixel (512, 28) relative to that corner with the values 0, 0;
     * region 2 is an ECG strip, rows 645-762, in s across. */
    private static final String VERIQ = "JPEGLosslessP14SV1_3s_2f_u_08_08.dcm";
    private static final double VERIQ_CM = 0.0027742814617576421;

    /** One JSON object, nested objects as maps, numbers as doubles. */
    static Map<String, Object> json(String text) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(text)) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken());
            Map<String, Object> object = object(p);
            assertEquals(null, p.nextToken(), "one object only");
            return object;
        }
    }

    private static Map<String, Object> object(JsonParser p) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken value = p.nextToken();
            map.put(key, switch (value) {
                case START_OBJECT -> object(p);
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                default -> p.getText();
            });
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> field(Map<String, Object> json, String name) {
        return (Map<String, Object>) json.get(name);
    }

    private static double number(Map<String, Object> json, String name) {
        return (Double) json.get(name);
    }

    @Test
    void distanceInARegionGivesSignedDifferencesAndTheLength() throws IOException {
        CliRun run = CliRun.of("measure", Samples.file(VERIQ).toString(), "--distance", "100,500,400,100");
        assertEquals(0, run.status(), run.out() + run.err());
        Map<String, Object> json = json(run.out());
        assertThat(json.keySet()).containsExactly("kind", "calibration", "region", "dx", "dy", "value", "unit");
        assertEquals("distance", json.get("kind"));
        assertEquals("region", json.get("calibration"));
        assertEquals(1.0, number(json, "region"));
        // 300 columns right and 400 rows up: +0.8323 cm, -1.1097 cm; length 500 pixels, 1.3871 cm
        assertEquals(300 * VERIQ_CM, number(field(json, "dx"), "value"), EPS);
        assertEquals("cm", field(json, "dx").get("unit"));
        assertEquals(-400 * VERIQ_CM, number(field(json, "dy"), "value"), EPS);
        assertEquals(500 * VERIQ_CM, number(json, "value"), EPS);
        assertEquals("cm", json.get("unit"));
    }

    @Test
    void aDistanceAcrossTimeAndNoUnitHasNoLength() throws IOException {
        CliRun run = CliRun.of("measure", Samples.file(VERIQ).toString(), "--distance", "172,700,350,650");
        assertEquals(0, run.status(), run.out() + run.err());
        Map<String, Object> json = json(run.out());
        assertThat(json.keySet()).containsExactly("kind", "calibration", "region", "dx", "dy");
        // 178 columns of 1/178 s: 1 s; 50 rows up, in pixels
        assertEquals(1.0, number(field(json, "dx"), "value"), EPS);
        assertEquals(-50, number(field(json, "dy"), "value"), EPS);
        assertEquals("px", field(json, "dy").get("unit"));
    }

    @Test
    void measureIsACommandNotAFileForTheViewer() {
        assertTrue(SonocineCli.isCommandLine("measure"));
    }

    @Test
    void pointInTheEcgStripOfTheSecondFrameReadsTime() throws IOException {
        CliRun run = CliRun.of("measure", Samples.file(VERIQ).toString(), "--frame", "2", "--point", "272,700");
        assertEquals(0, run.status(), run.out() + run.err());
        Map<String, Object> json = json(run.out());
        assertEquals("point", json.get("kind"));
        assertEquals(2.0, number(json, "region"));
        // ECG strip: columns from 86 + 86 = 172 at 0.005617977528089888 s each; y has no unit, so the row
        assertEquals(100 * 0.005617977528089888, number(field(json, "x"), "value"), EPS);
        assertEquals("s", field(json, "x").get("unit"));
        assertEquals(700, number(field(json, "y"), "value"), EPS);
        assertEquals("px", field(json, "y").get("unit"));
    }

    @Test
    void areaOfAPolygonInSquareCentimetres() throws IOException {
        CliRun run = CliRun.of("measure", Samples.file(VERIQ).toString(), "--area", "100,100,300,100,300,200,100,200");
        assertEquals(0, run.status(), run.out() + run.err());
        Map<String, Object> json = json(run.out());
        assertThat(json.keySet()).containsExactly("kind", "calibration", "region", "value", "unit");
        assertEquals("area", json.get("kind"));
        // 200 x 100 pixels of 0.0027742814617576421 cm square: 0.15393 cm2
        assertEquals(20000 * VERIQ_CM * VERIQ_CM, number(json, "value"), EPS);
        assertEquals("cm2", json.get("unit"));
    }

    @Test
    void pointsInTwoRegionsAreRefusedWithExitStatusOne() throws IOException {
        CliRun run = CliRun.of("measure", Samples.file(VERIQ).toString(), "--distance", "100,100,300,700");
        assertEquals(1, run.status());
        assertEquals(Map.of("error", "the points lie in different ultrasound regions (1 and 2)"), json(run.out()));
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void anAreaInTheEcgStripIsRefused() throws IOException {
        CliRun run = CliRun.of("measure", Samples.file(VERIQ).toString(), "--area", "100,650,200,650,200,700");
        assertEquals(1, run.status());
        assertEquals("an area needs x and y in the same length unit; ultrasound region 2 has s across and no"
                + " physical unit down", json(run.out()).get("error"));
    }

    @Test
    void aFrameBeyondTheFileIsRefused() throws IOException {
        CliRun run = CliRun.of("measure", Samples.file(VERIQ).toString(), "--frame", "3", "--point", "1,1");
        assertEquals(1, run.status());
        assertEquals("--frame 3 is outside the frames of the file, 1-2", json(run.out()).get("error"));
    }

    @Test
    void aPointOffTheImageIsRefused() throws IOException {
        CliRun run = CliRun.of("measure", Samples.file(VERIQ).toString(), "--distance", "0,0,1024,10");
        assertEquals(1, run.status());
        assertEquals("point 2 (1024,10) lies outside the image: columns 0-1023, rows 0-767",
                json(run.out()).get("error"));
    }

    @Test
    void malformedCoordinatesAreRefused() throws IOException {
        CliRun odd = CliRun.of("measure", Samples.file(VERIQ).toString(), "--distance", "1,2,3");
        assertEquals(1, odd.status());
        assertEquals("--distance takes X1,Y1,X2,Y2: pairs of column,row, got 3 numbers", json(odd.out()).get("error"));
        CliRun word = CliRun.of("measure", Samples.file(VERIQ).toString(), "--point", "1,two");
        assertEquals("--point takes X,Y: 'two' is not a number", json(word.out()).get("error"));
        CliRun few = CliRun.of("measure", Samples.file(VERIQ).toString(), "--area", "1,1,2,2");
        assertEquals("--area takes X1,Y1,X2,Y2,X3,Y3[,...]: at least 3 points, got 2", json(few.out()).get("error"));
    }

    @Test
    void aMissingFileIsRefusedPlainly() throws IOException {
        CliRun run = CliRun.of("measure", "no/such/file.dcm", "--point", "1,1");
        assertEquals(1, run.status());
        assertEquals("no/such/file.dcm: no such file", json(run.out()).get("error"));
    }

    @Test
    void pixelSpacingAndUncalibratedImagesAreLabelled(@TempDir Path dir) throws IOException {
        Attributes ds = ImageHeaders.of(40, 50, 1, 8, "MONOCHROME2", 1);
        ds.setBytes(Tag.PixelData, VR.OB, new byte[40 * 50]);
        Path plain = dir.resolve("plain.dcm");
        new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).writeFile(plain, ds);
        ds.setString(Tag.PixelSpacing, VR.DS, "0.2", "0.1");
        Path spaced = dir.resolve("spaced.dcm");
        new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).writeFile(spaced, ds);

        Map<String, Object> none = json(CliRun.of("measure", plain.toString(), "--distance", "0,0,30,39").out());
        assertThat(none.keySet()).containsExactly("kind", "calibration", "dx", "dy", "value", "unit");
        assertEquals("none", none.get("calibration"));
        assertEquals(Math.hypot(30, 39), number(none, "value"), EPS);
        assertEquals("px", none.get("unit"));
        Map<String, Object> mm = json(CliRun.of("measure", spaced.toString(), "--distance", "0,0,30,39").out());
        assertEquals("PixelSpacing", mm.get("calibration"));
        // 30 columns x 0.1 mm and 39 rows x 0.2 mm
        assertEquals(3.0, number(field(mm, "dx"), "value"), EPS);
        assertEquals(7.8, number(field(mm, "dy"), "value"), EPS);
        assertEquals("mm", mm.get("unit"));
        Map<String, Object> area = json(CliRun.of("measure", spaced.toString(), "--area", "0,0,10,0,10,10").out());
        assertEquals(50 * 0.02, number(area, "value"), EPS);
        assertEquals("mm2", area.get("unit"));
    }
}
