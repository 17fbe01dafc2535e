package org.sonocine.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;
import org.sonocine.testing.Samples;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DumpCommandTest {

    @Test
    void textDumpIndentsSequenceItemsUnderTheirSequence() {
        CliRun run = CliRun.of("dump", Samples.file("YBR_FULL-RLE.dcm").toString());
        assertEquals(0, run.status(), run.err());
        assertThat(run.out()).contains("(0002,0010) UI [1.2.840.10008.1.2.5] =RLE Lossless")
                .contains("(0018,6011) SQ (Sequence #=2)")
                .contains("\n  (FFFE,E000) na (Item #=")
                .containsPattern("\n    \\(0018,602C\\) FD \\[0\\.0095367851806373\\d*\\] +# 8, 1 PhysicalDeltaX")
                .contains("(7FE0,0010) OB (PixelSequence: 1 fragments, offset table 1 entries)");
    }

    @Test
    void jsonDumpFollowsTheDicomJsonModel() throws IOException {
        CliRun run = CliRun.of("dump", "--json", Samples.file("IM00001.implicit_little_endian.dcm").toString());
        assertEquals(0, run.status(), run.err());
        List<String> path = new ArrayList<>();
        String sopClass = null;
        String frameTimeVector = null;
        String pixelData = null;
        String regionDelta = null;
        try (JsonParser p = new JsonFactory().createParser(run.out())) {
            JsonToken t;
            String field = null;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    field = p.currentName();
                    if (field.matches("[0-9A-F]{8}")) {
                        path.add(field);
                    }
                } else if (t == JsonToken.START_ARRAY && "Value".equals(field)) {
                    String tag = path.get(path.size() - 1);
                    StringBuilder values = new StringBuilder();
                    int depth = 1;
                    while (depth > 0) {
                        JsonToken v = p.nextToken();
                        if (v == JsonToken.START_ARRAY || v == JsonToken.START_OBJECT) {
                            depth++;
                            if (v == JsonToken.START_OBJECT) {
                                break;
                            }
                        } else if (v == JsonToken.END_ARRAY || v == JsonToken.END_OBJECT) {
                            depth--;
                        } else if (v.isScalarValue()) {
                            values.append(values.length() == 0 ? "" : "|").append(p.getText());
                        }
                    }
                    switch (tag) {
                        case "00080016" -> sopClass = values.toString();
                        case "00181065" -> frameTimeVector = values.toString();
                        case "0018602C" -> regionDelta = regionDelta == null ? values.toString() : regionDelta;
                        default -> { }
                    }
                } else if (t == JsonToken.VALUE_STRING && "BulkDataURI".equals(field)) {
                    pixelData = p.getText();
                }
            }
        }
        assertEquals("1.2.840.10008.5.1.4.1.1.3.1", sopClass);
        assertEquals("33.333|50.000|33.333|50.000|50.000|50.000|33.333|43.333", frameTimeVector);
        assertEquals("1.0", regionDelta);
        assertThat(pixelData).startsWith("file:").contains("IM00001.implicit_little_endian.dcm?offset=")
                .endsWith("&length=1843200");
        assertThat(run.out()).contains("\"00100010\" : {\n    \"vr\" : \"PN\",\n    \"Value\" : [ {\n      \"Alphabetic\" : \"US Echo\"");
    }
}
