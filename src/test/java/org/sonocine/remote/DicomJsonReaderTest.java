package org.sonocine.remote;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.DicomJsonWriter;
import org.sonocine.dicom.Sequence;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.Tags;
import org.sonocine.dicom.VR;
import org.sonocine.testing.Samples;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DicomJsonReaderTest {

    private static List<JsonDataSet> read(String json) throws RemoteException {
        return DicomJsonReader.readArray(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonDataSet readOne(String element) throws RemoteException {
        return read("[{" + element + "}]").get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"US1_UNCR.dcm", "IM00001.fragmented_no_bot_jpeg_baseline.50.dcm", "US-PAL-8-10x-echo",
        "gdcm-US-ALOKA-16.dcm", "CT0012.explicit_little_endian.dcm"})
    void whatTheProjectsWriterWritesReadsBackToTheSameValues(String sample) throws IOException, RemoteException {
        try (DicomFile file = DicomFile.open(Samples.file(sample))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
                g.writeStartArray();
                new DicomJsonWriter(g, null).write(file.dataset());
                g.writeEndArray();
            }
            Attributes back = DicomJsonReader.readArray(new ByteArrayInputStream(out.toByteArray())).get(0)
                    .attributes();
            assertSameValues(file.dataset(), back, "");
        }
    }

    private static void assertSameValues(Attributes expected, Attributes actual, String path) {
        for (int i = 0; i < expected.size(); i++) {
            int tag = expected.tagAt(i);
            Object value = expected.valueAt(i);
            String where = path + Tags.toHex(tag);
            if (Tags.isGroupLength(tag) || tag == Tag.SpecificCharacterSet || !(value instanceof byte[]
                    || value instanceof Sequence)) {
                continue;
            }
            assertThat(actual.getVR(tag)).as(where).isEqualTo(expected.getVR(tag));
            if (value instanceof Sequence seq) {
                Sequence back = actual.getSequence(tag);
                assertThat(back).as(where).hasSameSizeAs(seq);
                for (int k = 0; k < seq.size(); k++) {
                    assertSameValues(seq.get(k), back.get(k), where + "[" + k + "].");
                }
            } else if (expected.getVR(tag).kind() == VR.Kind.BULK) {
                assertThat(actual.getBytes(tag)).as(where).isEqualTo(expected.getBytes(tag));
            } else if (expected.getVR(tag) == VR.DS || expected.getVR(tag) == VR.FL || expected.getVR(tag) == VR.FD) {
                assertThat(actual.getDoubles(tag)).as(where).containsExactly(expected.getDoubles(tag));
            } else {
                assertThat(actual.getStrings(tag)).as(where).containsExactly(expected.getStrings(tag));
            }
        }
    }

    @Test
    void personNamesJoinTheirGroups() throws RemoteException {
        Attributes a = readOne("\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Yamada^Tarou\","
                + "\"Ideographic\":\"山田^太郎\",\"Phonetic\":\"やまだ^たろう\"}]}").attributes();
        assertThat(a.getRawString(Tag.PatientName)).isEqualTo("Yamada^Tarou=山田^太郎=やまだ^たろう");
        assertThat(a.getString(Tag.SpecificCharacterSet)).as("Unicode text is kept as UTF-8")
                .isEqualTo("ISO_IR 192");
    }

    @Test
    void aDeclaredCharacterSetIsReplacedByUtf8ForTheJsonIsUnicode() throws RemoteException {
        Attributes a = read("[{\"00080005\":{\"vr\":\"CS\",\"Value\":[\"ISO_IR 100\"]},"
                + "\"00100010\":{\"Value\":[{\"Alphabetic\":\"Müller^Jürgen\"}],\"vr\":\"PN\"}}]").get(0).attributes();
        assertThat(a.getString(Tag.PatientName)).isEqualTo("Müller^Jürgen");
    }

    @Test
    void numbersOfEveryKindKeepTheirValues() throws RemoteException {
        Attributes a = read("[{\"00280010\":{\"vr\":\"US\",\"Value\":[480]},"
                + "\"00280008\":{\"vr\":\"IS\",\"Value\":[12]},"
                + "\"00281050\":{\"vr\":\"DS\",\"Value\":[40.5, -3e2]},"
                + "\"00186028\":{\"vr\":\"FD\",\"Value\":[0.0125]},"
                + "\"00186020\":{\"vr\":\"SL\",\"Value\":[-7]},"
                + "\"00280009\":{\"vr\":\"AT\",\"Value\":[\"00181065\"]},"
                + "\"00091010\":{\"vr\":\"UL\",\"Value\":[4294967295]}}]").get(0).attributes();
        assertThat(a.getInt(Tag.Rows, 0)).isEqualTo(480);
        assertThat(a.getString(Tag.NumberOfFrames)).isEqualTo("12");
        assertThat(a.getDoubles(Tag.WindowCenter)).containsExactly(40.5, -300.0);
        assertThat(a.getDouble(0x00186028)).isEqualTo(0.0125);
        assertThat(a.getInt(0x00186020, 0)).isEqualTo(-7);
        assertThat(a.getInt(Tag.FrameIncrementPointer, 0)).isEqualTo(0x00181065);
        assertThat(a.getLong(0x00091010, 0, 0)).isEqualTo(4294967295L);
    }

    @Test
    void sequencesNestAndInlineBinaryDecodesAndBulkDataIsOnlyNoted() throws RemoteException {
        JsonDataSet ds = readOne("\"00082112\":{\"Value\":[{\"00081150\":{\"vr\":\"UI\",\"Value\":[\"1.2.3\"]}},{}],"
                + "\"vr\":\"SQ\"},\"00281201\":{\"vr\":\"OW\",\"InlineBinary\":\"AAEC/w==\"},"
                + "\"7FE00010\":{\"vr\":\"OB\",\"BulkDataURI\":\"http://archive/bulk/1\"}");
        Sequence seq = ds.attributes().getSequence(0x00082112);
        assertThat(seq).hasSize(2);
        assertThat(seq.get(0).getString(Tag.ReferencedSOPClassUID)).isEqualTo("1.2.3");
        assertThat(seq.get(1).isEmpty()).isTrue();
        assertThat(ds.attributes().getBytes(0x00281201)).containsExactly(0, 1, 2, 0xFF);
        assertThat(ds.attributes().contains(Tag.PixelData)).isFalse();
        assertThat(ds.bulkDataUris()).containsEntry("7FE00010", "http://archive/bulk/1");
    }

    @Test
    void valuesThatDoNotFitTheirVrAreRefusedByName() {
        assertThatThrownBy(() -> readOne("\"00280010\":{\"vr\":\"US\",\"Value\":[\"many\"]}"))
                .isInstanceOf(RemoteException.class)
                .hasMessage("the archive sent DICOM JSON that cannot be read: the element 00280010 (US) holds 'many',"
                        + " not a number");
    }

    @Test
    void somethingOtherThanJsonIsMalformed() {
        assertThatThrownBy(() -> read("<html>Login</html>"))
                .isInstanceOf(RemoteException.class)
                .hasMessage("the archive sent DICOM JSON that cannot be read: it is not valid JSON at line 1, column 1");
        assertThatThrownBy(() -> read("{\"00100010\":{}}"))
                .hasMessage("the archive sent DICOM JSON that cannot be read: expected a JSON array of data sets,"
                        + " found '{'");
    }

    @Test
    void deepNestingIsRefusedWithAMessage() {
        String item = "{\"00400275\":{\"vr\":\"SQ\",\"Value\":[%s]}}";
        String nested = "{\"00100010\":{\"vr\":\"PN\"}}";
        for (int i = 0; i < 40; i++) {
            nested = item.formatted(nested);
        }
        String doc = "[" + nested + "]";
        assertThatThrownBy(() -> read(doc))
                .isInstanceOf(RemoteException.class)
                .hasMessage("the archive's DICOM JSON nests sequences deeper than 16 levels");
    }

    @Test
    void tooManyElementsAreRefusedWithAMessage() {
        StringBuilder doc = new StringBuilder("[");
        for (int i = 0; i < 20; i++) {
            doc.append(i == 0 ? "" : ",").append("{\"00100010\":{\"vr\":\"PN\"}}");
        }
        doc.append("]");
        assertThatThrownBy(() -> DicomJsonReader.readArray(new ByteArrayInputStream(doc.toString().getBytes(
                StandardCharsets.UTF_8)), new DicomJsonReader.Limits(16, 10, 1024)))
                .isInstanceOf(RemoteException.class)
                .hasMessage("the archive's DICOM JSON holds more than 10 elements");
    }
}
