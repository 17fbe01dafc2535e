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

class InfoCommandTest {

    static Map<String, String> jsonObject(String line) throws IOException {
        Map<String, String> map = new LinkedHashMap<>();
        try (JsonParser p = new JsonFactory().createParser(line)) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken());
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                if (key.equals("cine") || key.equals("displayAspect")) {
                    map.put(key, value == JsonToken.START_OBJECT ? "{...}" : p.getText());
                    p.skipChildren();
                    continue;
                }
                assertEquals(JsonToken.VALUE_STRING, value, "value of " + key + " is a string");
                map.put(key, p.getText());
            }
        }
        return map;
    }

    @Test
    void jsonLinesCarryTheUltrasoundFactsAsTheFileHoldsThem() throws IOException {
        String sample = Samples.file("JPEGLosslessP14SV1_3s_2f_u_08_08.dcm").toString();
        CliRun run = CliRun.of("info", "--json", sample);
        assertEquals(0, run.status(), run.err());
        String[] lines = run.out().split("\n");
        assertEquals(1, lines.length);
        Map<String, String> facts = jsonObject(lines[0]);
        assertEquals(sample, facts.get("file"));
        assertEquals("1.2.840.10008.5.1.4.1.1.3.1", facts.get("SOPClassUID"));
        assertEquals("1.2.840.10008.1.2.4.70", facts.get("TransferSyntaxUID"));
        assertEquals("\\SECONDARY\\INTRAOPERATIVE", facts.get("ImageType"));
        assertEquals("31.9652", facts.get("FrameTime"));
        assertEquals("31", facts.get("CineRate"));
        assertEquals("31", facts.get("RecommendedDisplayFrameRate"));
        assertEquals("0", facts.get("DeviceSerialNumber"));
        assertThat(facts).doesNotContainKeys("error", "PixelAspectRatio", "AcquisitionDateTime");
    }

    @Test
    void cineTimingAndDisplayAspectAreTheObjectsThePlayerUses() {
        CliRun run = CliRun.of("info", "--json", Samples.file("IM00001.implicit_little_endian.dcm").toString(),
                Samples.file("US-RGB-8-esopecho").toString());
        assertEquals(0, run.status(), run.err());
        String[] lines = run.out().split("\n");
        assertThat(lines[0]).contains("\"cine\":{\"source\":\"FrameTimeVector\",\"intervalsMs\":[33.333,50.0,33.333,"
                + "50.0,50.0,50.0,33.333,43.333],\"startFrame\":1,\"stopFrame\":8,\"sequencing\":\"loop\"}")
                .contains("\"displayAspect\":1.0");
        assertThat(lines[1]).contains("\"source\":\"default\"").contains("\"displayAspect\":1.3333333333333333");
    }

    @Test
    void numberOfFramesIsOneWhenAbsentButPixelDataIsPresent() throws IOException {
        CliRun run = CliRun.of("info", "--json", Samples.file("US-RGB-8-esopecho").toString());
        Map<String, String> facts = jsonObject(run.out().trim());
        assertEquals("1", facts.get("NumberOfFrames"));
        assertEquals("4\\3", facts.get("PixelAspectRatio"));
        assertEquals("ORIGINAL\\PRIMARY\\TEE\\0011", facts.get("ImageType"));
    }

    @Test
    void unreadableFilesGetAnErrorAndANonZeroStatusWithoutStoppingTheOthers() throws IOException {
        CliRun run = CliRun.of("info", "--json", Samples.file("MR_truncated.dcm").toString(),
                Samples.file("CATALOG.md").toString(), Samples.file("US1_UNCR.dcm").toString());
        assertEquals(1, run.status());
        String[] lines = run.out().split("\n");
        assertEquals(3, lines.length);
        Map<String, String> truncated = jsonObject(lines[0]);
        assertEquals("64", truncated.get("Rows"));
        assertThat(truncated.get("error")).contains("declares 8192 bytes");
        assertThat(jsonObject(lines[1]).get("error")).isEqualTo("CATALOG.md is not DICOM: no 'DICM' prefix at byte"
                + " 128 and the first bytes are not a data element");
        assertThat(jsonObject(lines[2])).doesNotContainKey("error").containsEntry("DeviceSerialNumber", "4121885");
    }

    @Test
    void textReportNamesAttributesAndUids() {
        CliRun run = CliRun.of("info", Samples.file("GH364.dcm").toString());
        assertEquals(0, run.status());
        assertThat(run.out()).contains("Acquisition DateTime             20130730083614")
                .contains("SOP Class UID                    Ultrasound Image Storage (1.2.840.10008.5.1.4.1.1.6.1)")
                .contains("warning: item at byte 1136 has no sequence header");
    }

    @Test
    void missingFileIsReportedPlainly() throws IOException {
        CliRun run = CliRun.of("info", "--json", "no/such/file.dcm");
        assertEquals(1, run.status());
        assertEquals("no/such/file.dcm: no such file", jsonObject(run.out().trim()).get("error"));
    }

    @Test
    void aFileClaimingTwoBillionFramesIsDescribedWithWhatItHolds(@TempDir Path dir) throws IOException {
        Attributes ds = ImageHeaders.of(4, 4, 1, 8, "MONOCHROME2", Integer.MAX_VALUE);
        ds.setString(Tag.FrameTime, VR.DS, "33.3");
        ds.setBytes(Tag.PixelData, VR.OB, new byte[16]);
        Path file = dir.resolve("claims.dcm");
        Files.write(file, new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).toPart10Bytes(ds));
        CliRun run = CliRun.of("info", file.toString());
        assertEquals(0, run.status(), run.err());
        assertThat(run.out()).containsOnlyOnce("warning: the header claims 2147483647 frames, the pixel data holds at"
                + " most 1");
    }
}
