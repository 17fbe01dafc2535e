package org.sonocine.dicom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Data sets written by our writer read back the same, in every native transfer syntax. */
class RoundTripTest {

    static Stream<Arguments> syntaxes() {
        return Stream.of(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                        TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN)
                .flatMap(ts -> Stream.of(Arguments.of(ts.name(), ts, false), Arguments.of(ts.name(), ts, true)));
    }

    /** One standard element of every VR (tags whose dictionary VR is that VR, so implicit VR keeps it too). */
    static Attributes everyVr(boolean bigEndian) {
        Attributes ds = new Attributes(bigEndian, 64);
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.InstanceCreationDate, VR.DA, "20260102");
        ds.setString(Tag.InstanceCreationTime, VR.TM, "235959.123456");
        ds.setString(Tag.InstanceCoercionDateTime, VR.DT, "20260102030405.5+0100");
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.3.1");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.1234");
        ds.setString(Tag.AccessionNumber, VR.SH, "A1");
        ds.setString(Tag.Modality, VR.CS, "US");
        ds.setString(Tag.InstitutionAddress, VR.ST, "  Rue de l'Hôpital 1\\2");
        ds.setString(Tag.ReferringPhysicianName, VR.PN, "Æsir^Ødin=山田^太郎");
        ds.setString(Tag.LongCodeValue, VR.UC, "a very long code value");
        ds.setString(Tag.CodingSchemeURL, VR.UR, "http://example.org/a b");
        ds.setString(Tag.PrivateDataElementDescription, VR.UT, "text with a \\ backslash");
        ds.setString(Tag.ExtendedCodeMeaning, VR.LT, "long text");
        ds.setString(Tag.PatientAge, VR.AS, "042Y");
        ds.setString(Tag.EventElapsedTimes, VR.DS, "1.5", "-2e3", "33.333");
        ds.setString(Tag.ReferencedFrameNumber, VR.IS, "1", "-7", "2147483647");
        ds.setString(Tag.RetrieveAETitle, VR.AE, "STORE_SCP");
        ds.setInt(Tag.FrameIncrementPointer, VR.AT, Tag.FrameTime, Tag.FrameTimeVector);
        ds.setDouble(Tag.RecommendedDisplayFrameRateInFloat, VR.FL, 29.97f, -1.5f);
        ds.setDouble(Tag.TimeRange, VR.FD, Math.PI, -0.0001);
        ds.setInt(Tag.ReferencePixelX0, VR.SL, -123456, 2);
        ds.setInt(Tag.TagAngleSecondAxis, VR.SS, -32768, 32767);
        ds.setInt(Tag.RegionFlags, VR.UL, -1);
        ds.setInt(Tag.Rows, VR.US, 65535);
        ds.setInt(Tag.SelectorSVValue, VR.SV, -5);
        ds.setInt(Tag.SelectorUVValue, VR.UV, 7);
        ds.setBytes(Tag.CoordinateSystemAxisValues, VR.OB, new byte[] {1, 2, 3});
        ds.setInt(Tag.RedPaletteColorLookupTableData, VR.OW, 0x1234, 0xFFFF, 0);
        ds.setDouble(Tag.VerticesOfThePolygonalOutline, VR.OF, 1.25, 2.5);
        ds.setDouble(Tag.DoublePointCoordinatesData, VR.OD, 1e-300);
        ds.setInt(Tag.LongPrimitivePointIndexList, VR.OL, 1, 2);
        ds.setInt(Tag.SelectorOVValue, VR.OV, 99);
        ds.setString(0x00290010, VR.LO, "ACME 1.0");
        ds.setBytes(0x00291001, VR.UN, new byte[] {9, 8, 7, 6});
        Sequence regions = ds.newSequence(Tag.SequenceOfUltrasoundRegions);
        Attributes region = regions.addItem();
        region.setInt(Tag.RegionSpatialFormat, VR.US, 1);
        region.setDouble(Tag.PhysicalDeltaX, VR.FD, 0.0251);
        Sequence nested = region.newSequence(Tag.ReferencedImageSequence);
        nested.addItem().setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2.3");
        nested.addItem();
        regions.addItem().setInt(Tag.RegionSpatialFormat, VR.US, 2);
        ds.newSequence(Tag.ReferencedStudySequence);
        return ds;
    }

    @ParameterizedTest(name = "{0}, defined lengths {2}")
    @MethodSource("syntaxes")
    void everyVrSurvivesAWriteAndARead(String name, TransferSyntax ts, boolean definedLengths) throws IOException {
        Attributes written = everyVr(ts.bigEndian());
        byte[] bytes = new DicomWriter(ts).definedLengths(definedLengths).toPart10Bytes(written);

        DicomFile file = DicomFile.read(bytes);

        assertEquals(ts, file.transferSyntax());
        assertThat(file.warnings()).isEmpty();
        assertSameElements(written, file.dataset(), ts.explicitVR());
    }

    private static void assertSameElements(Attributes expected, Attributes actual, boolean explicitVR) {
        assertEquals(expected.size(), actual.size(), "element count");
        for (int i = 0; i < expected.size(); i++) {
            int tag = expected.tagAt(i);
            assertEquals(tag, actual.tagAt(i));
            VR vr = expected.vrAt(i);
            if (explicitVR || !Tags.isPrivate(tag) || Tags.isPrivateCreator(tag)) {
                assertEquals(vr, actual.vrAt(i), "VR of " + Tags.toString(tag));
            }
            Object value = expected.valueAt(i);
            if (value instanceof Sequence seq) {
                Sequence back = actual.getSequence(tag);
                assertEquals(seq.size(), back.size(), "items of " + Tags.toString(tag));
                for (int k = 0; k < seq.size(); k++) {
                    assertSameElements(seq.get(k), back.get(k), explicitVR);
                }
            } else if (vr == VR.OB || vr == VR.UN) {
                byte[] want = (byte[]) value;
                byte[] got = actual.getBytes(tag);
                assertArrayEquals(Arrays.copyOf(want, want.length + (want.length & 1)), got, Tags.toString(tag));
            } else {
                assertArrayEquals(expected.getStrings(tag), actual.getStrings(tag), Tags.toString(tag));
                assertEquals(expected.getRawString(tag), actual.getRawString(tag), Tags.toString(tag));
            }
        }
    }

    @ParameterizedTest(name = "{0}, defined lengths {2}")
    @MethodSource("syntaxes")
    void valuesReadAsTheTypesTheyWereWrittenAs(String name, TransferSyntax ts, boolean definedLengths)
            throws IOException {
        Attributes ds = DicomFile.read(new DicomWriter(ts).definedLengths(definedLengths)
                .toPart10Bytes(everyVr(ts.bigEndian()))).dataset();
        assertEquals(65535, ds.getInt(Tag.Rows, 0));
        assertEquals(-32768, ds.getInt(Tag.TagAngleSecondAxis, 0, 0));
        assertEquals(0xFFFFFFFFL, ds.getLong(Tag.RegionFlags, 0, 0));
        assertEquals(-5, ds.getLong(Tag.SelectorSVValue, 0, 0));
        assertEquals(29.97f, (float) ds.getDouble(Tag.RecommendedDisplayFrameRateInFloat, 0));
        assertEquals(Math.PI, ds.getDouble(Tag.TimeRange, 0));
        assertEquals(-2000.0, ds.getDouble(Tag.EventElapsedTimes, 1));
        assertArrayEquals(new int[] {1, -7, Integer.MAX_VALUE}, ds.getInts(Tag.ReferencedFrameNumber));
        assertArrayEquals(new String[] {"00181063", "00181065"}, ds.getStrings(Tag.FrameIncrementPointer));
        assertEquals("Æsir^Ødin=山田^太郎", ds.getRawString(Tag.ReferringPhysicianName));
        assertEquals("  Rue de l'Hôpital 1\\2", ds.getString(Tag.InstitutionAddress));
        assertEquals("ACME 1.0", ds.privateCreatorOf(0x00291001));
        assertEquals(0x00291001, ds.privateTag("ACME 1.0", 0x0029, 0x01));
        assertEquals(0.0251, ds.getSequence(Tag.SequenceOfUltrasoundRegions).get(0).getDouble(Tag.PhysicalDeltaX));
        assertTrue(ds.getSequence(Tag.ReferencedStudySequence).isEmpty());
    }

    @ParameterizedTest(name = "{0}, defined lengths {2}")
    @MethodSource("syntaxes")
    void bareDataSetsAreDetectedWithoutFileMeta(String name, TransferSyntax ts, boolean definedLengths)
            throws IOException {
        if (ts.deflated()) {
            return; // a deflated stream cannot be recognised without the File Meta that names it
        }
        Attributes ds = everyVr(ts.bigEndian());
        ds.remove(Tag.RetrieveAETitle);
        byte[] bytes = new DicomWriter(ts).definedLengths(definedLengths).toDataSetBytes(ds);
        DicomFile file = DicomFile.read(bytes);
        assertEquals(ts.explicitVR(), file.transferSyntax().explicitVR());
        assertEquals(ts.bigEndian(), file.transferSyntax().bigEndian());
        assertEquals(65535, file.dataset().getInt(Tag.Rows, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("syntaxes")
    void undefinedLengthUnknownElementIsReadAsImplicitLittleEndianSequence(String name, TransferSyntax ts,
                                                                           boolean definedLengths) throws IOException {
        if (!ts.explicitVR() || ts.deflated() || definedLengths) {
            return;
        }
        // A private sequence whose VR an anonymiser turned into UN: its content is implicit VR little endian.
        Attributes inner = new Attributes(false, 4);
        inner.newSequence(0x00291010).addItem().setString(0x00100020, VR.LO, "ID-7");
        byte[] implicitLe = new DicomWriter(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN).toDataSetBytes(inner);
        // Re-label the SQ header (tag + undefined length) of the implicit encoding as an explicit UN header.
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] header = new byte[12];
        Bytes.putInt16(header, 0, 0x0029, ts.bigEndian());
        Bytes.putInt16(header, 2, 0x1010, ts.bigEndian());
        header[4] = 'U';
        header[5] = 'N';
        Bytes.putInt32(header, 8, -1, ts.bigEndian());
        Attributes first = new Attributes(ts.bigEndian(), 4);
        first.setString(0x00080060, VR.CS, "US");
        out.writeBytes(new DicomWriter(ts).toDataSetBytes(first));
        out.writeBytes(header);
        out.writeBytes(Arrays.copyOfRange(implicitLe, 8, implicitLe.length));

        Attributes back = DicomFile.read(out.toByteArray()).dataset();

        Sequence seq = back.getSequence(0x00291010);
        assertInstanceOf(Sequence.class, seq);
        assertEquals("ID-7", seq.get(0).getString(0x00100020));
    }
}
