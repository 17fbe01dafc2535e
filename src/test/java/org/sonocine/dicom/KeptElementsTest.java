package org.sonocine.dicom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A read that keeps only some top-level elements reads all the others past: what it keeps, the frame count and
 * every defect it reports are those of a read that keeps everything.
 */
class KeptElementsTest {
    private static final KeptElements PATIENT_AND_STUDY = KeptElements.only(Tag.PatientID, Tag.PatientName,
            Tag.StudyInstanceUID, Tag.SOPInstanceUID, Tag.InstanceNumber);
    /** Small limits: a sequence in an item is too deep, and values from 64 bytes on stay in the file. */
    private static final ReadOptions TIGHT = new ReadOptions(false, 64, 1, 4096, 16);

    /** A header with kept elements before and after left-out ones, sequences nested two deep among them. */
    private static Attributes header() {
        Attributes ds = new Attributes();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.4242");
        ds.setString(Tag.Modality, VR.CS, "US");
        Sequence images = ds.newSequence(Tag.ReferencedImageSequence);
        for (int i = 0; i < 2; i++) {
            Attributes item = images.addItem();
            item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, "2.25." + (100 + i));
            item.newSequence(Tag.PurposeOfReferenceCodeSequence).addItem().setString(Tag.CodeValue, VR.SH, "121311");
        }
        ds.setString(Tag.PatientName, VR.PN, "Müller^Anna");
        ds.setString(Tag.PatientID, VR.LO, "ID-7");
        ds.setString(Tag.StudyInstanceUID, VR.UI, "2.25.77");
        ds.setString(Tag.InstanceNumber, VR.IS, "12");
        ds.setString(Tag.ImageComments, VR.LT, "a comment long enough to stay in the file under small limits"
                + " rather than to be loaded");
        ds.setInt(Tag.Rows, VR.US, 4);
        ds.setInt(Tag.Columns, VR.US, 4);
        ds.setInt(Tag.BitsAllocated, VR.US, 8);
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setString(Tag.NumberOfFrames, VR.IS, "3");
        ds.set(Tag.PixelData, VR.OB, new byte[3 * 16]);
        return ds;
    }

    private static List<byte[]> encodings() throws IOException {
        List<byte[]> files = new ArrayList<>();
        for (TransferSyntax syntax : List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN)) {
            files.add(new DicomWriter(syntax).toPart10Bytes(header()));
            files.add(new DicomWriter(syntax).definedLengths(true).toPart10Bytes(header()));
        }
        return files;
    }

    private static void assertSameOutcome(byte[] data, ReadOptions options, String what) {
        KeptReads.Read read = o -> DicomFile.readLenient(data, o);
        String all = KeptReads.outcome(read, options, PATIENT_AND_STUDY);
        String kept = KeptReads.outcome(read, options.withKept(PATIENT_AND_STUDY), PATIENT_AND_STUDY);
        assertEquals(all, kept, what);
    }

    @Test
    void keepsWhatItIsAskedForAndWhatTheReaderNeedsAndNothingElse() throws IOException {
        byte[] data = new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).toPart10Bytes(header());
        try (DicomFile file = DicomFile.readLenient(data, ReadOptions.HEADER_ONLY.withKept(PATIENT_AND_STUDY))) {
            Attributes ds = file.dataset();
            assertEquals("ID-7", ds.getString(Tag.PatientID));
            assertEquals("Anna Müller", ds.getPersonName(Tag.PatientName).orElseThrow().toDisplayString());
            assertEquals(12, ds.getInt(Tag.InstanceNumber, 0));
            assertEquals(3, file.numberOfFrames());
            assertTrue(file.pixelData().isPresent());
            assertNull(ds.getValue(Tag.ImageComments));
            assertNull(ds.getValue(Tag.ReferencedImageSequence));
            assertNull(ds.getValue(Tag.Modality));
            assertTrue(file.problem().isEmpty());
            assertEquals("1.2.840.10008.1.2.1", file.fileMeta().getString(Tag.TransferSyntaxUID));
        }
    }

    @Test
    void aFileCutAtAnyByteIsReportedAsWhenEverythingIsKept() throws IOException {
        for (byte[] file : encodings()) {
            for (int end = 133; end < file.length; end++) {
                byte[] cut = Arrays.copyOf(file, end);
                for (ReadOptions options : List.of(ReadOptions.HEADER_ONLY, ReadOptions.DEFAULT, TIGHT)) {
                    assertSameOutcome(cut, options, "cut at " + end);
                }
            }
        }
    }

    @Test
    void damageAnywhereIsReportedAsWhenEverythingIsKept() throws IOException {
        int damaged = 0;
        for (byte[] file : encodings()) {
            for (int at = 132; at < file.length; at++) {
                for (byte b : new byte[] {(byte) 0xFF, 0x7F, 0x00, (byte) 0xFE}) {
                    byte[] copy = file.clone();
                    copy[at] = b;
                    for (ReadOptions options : List.of(ReadOptions.HEADER_ONLY, TIGHT)) {
                        assertSameOutcome(copy, options, "byte " + at + " set to " + b);
                        try (DicomFile read = DicomFile.readLenient(copy, options)) {
                            damaged += read.problem().isPresent() ? 1 : 0;
                        } catch (IOException e) {
                            damaged++;
                        }
                    }
                }
            }
        }
        // the comparison covered reads that found defects, not only intact ones
        assertTrue(damaged > 1000, "only " + damaged + " damaged reads");
    }

    @Test
    void sequencesTooDeepInsideALeftOutElementAreReportedAsEver() throws IOException {
        byte[] data = new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).toPart10Bytes(header());
        ReadOptions shallow = TIGHT.withKept(PATIENT_AND_STUDY);
        try (DicomFile file = DicomFile.readLenient(data, shallow)) {
            assertTrue(file.problem().orElseThrow().getMessage().contains("nested deeper than 1 levels"),
                    file.problem().get().getMessage());
            assertEquals("2.25.4242", file.dataset().getString(Tag.SOPInstanceUID));
        }
        assertSameOutcome(data, TIGHT, "nested too deep");
    }

    @Test
    void aDataSetOfLeftOutElementsIsStillDicom() throws IOException {
        Attributes ds = new Attributes();
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL");
        ds.setString(Tag.Modality, VR.CS, "US");
        byte[] part10 = new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).toPart10Bytes(ds);
        // the data set without preamble and File Meta Information: a bare data set
        int start = 132 + 12 + Bytes.int32(part10, 140, false);
        byte[] bare = Arrays.copyOfRange(part10, start, part10.length);
        try (DicomFile file = DicomFile.readLenient(bare, ReadOptions.HEADER_ONLY.withKept(PATIENT_AND_STUDY))) {
            assertTrue(file.dataset().isEmpty());
            assertFalse(file.hasFileMeta());
        }
        assertSameOutcome(bare, ReadOptions.HEADER_ONLY, "bare");
        assertSameOutcome(Arrays.copyOf(bare, 3), ReadOptions.HEADER_ONLY, "too short");
    }

    @Test
    void headersReadOneAfterAnotherOnOneThreadEachSeeTheirOwnBytes(@TempDir Path dir) throws IOException {
        Attributes big = header();
        big.setString(Tag.ImageComments, VR.LT, "x".repeat(3 * DicomInput.HEADER_BUFFER));
        Path longHeader = dir.resolve("long.dcm");
        new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).writeFile(longHeader, big);
        byte[] small = new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).toPart10Bytes(header());
        Path cut = dir.resolve("cut.dcm");
        Files.write(cut, Arrays.copyOf(small, small.length / 2));
        Path whole = dir.resolve("whole.dcm");
        Files.write(whole, small);

        ReadOptions options = ReadOptions.HEADER_ONLY.withKept(PATIENT_AND_STUDY);
        String cutAlone = KeptReads.outcome(o -> open(cut, o), options, PATIENT_AND_STUDY);
        for (Path first : List.of(longHeader, whole, cut)) {
            KeptReads.outcome(o -> open(first, o), options, PATIENT_AND_STUDY);
            assertEquals(cutAlone, KeptReads.outcome(o -> open(cut, o), options, PATIENT_AND_STUDY));
        }
        assertTrue(cutAlone.contains("truncated"), cutAlone);
        assertEquals(KeptReads.outcome(o -> open(whole, o), ReadOptions.HEADER_ONLY, PATIENT_AND_STUDY),
                KeptReads.outcome(o -> open(whole, o), options, PATIENT_AND_STUDY));
    }

    private static DicomFile open(Path file, ReadOptions options) throws IOException {
        return DicomFile.openLenient(file, Files.readAttributes(file, BasicFileAttributes.class), options);
    }
}
