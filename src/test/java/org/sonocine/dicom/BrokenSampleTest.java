package org.sonocine.dicom;

import org.junit.jupiter.api.Test;
import org.sonocine.testing.Samples;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The deliberately broken and sloppy samples: clear errors where reading must stop, recovery where it can go on. */
class BrokenSampleTest {

    @Test
    void pixelDataClaimingThreeGibibytesFailsFastWithoutAllocating() {
        Path sample = Samples.file("3gb-bulk-data-truncated");
        DicomException e = assertThrows(DicomException.class, () -> DicomFile.open(sample));
        assertThat(e.getMessage()).contains("Pixel Data (7FE0,0010) declares 3221225472 bytes")
                .contains("the file is truncated");
    }

    @Test
    void headerBeforeAnAbsurdPixelDataLengthIsKept() throws IOException {
        try (DicomFile file = DicomFile.openLenient(Samples.file("3gb-bulk-data-truncated"))) {
            assertTrue(file.problem().isPresent());
            assertEquals("GE MEDICAL SYSTEMS", file.dataset().getString(Tag.Manufacturer));
            assertEquals("32768\\0", file.dataset().getRawString(Tag.Rows));
            NativePixelData pixels = (NativePixelData) file.pixelData().orElseThrow();
            assertEquals(0xC0000000L, pixels.data().length());
            assertTrue(pixels.data().isTruncated());
        }
    }

    @Test
    void truncatedPixelDataIsReportedWithWhatIsMissing() throws IOException {
        Path sample = Samples.file("MR_truncated.dcm");
        DicomException e = assertThrows(DicomException.class, () -> DicomFile.open(sample));
        assertThat(e.getMessage()).contains("declares 8192 bytes").contains("ends after 8130 of them");
        try (DicomFile file = DicomFile.openLenient(Samples.file("MR_truncated.dcm"))) {
            DicomException frame = assertThrows(DicomException.class, () -> file.frames().get(0));
            assertThat(frame.getMessage()).isEqualTo("frame 1 is cut short: the file holds 8130 of its 8192 bytes");
        }
    }

    @Test
    void encapsulatedPixelDataWithoutSequenceDelimiterKeepsItsFragments() throws IOException {
        String name = "emri_small_jpeg_2k_lossless_too_short.dcm";
        Path sample = Samples.file(name);
        DicomException e = assertThrows(DicomException.class, () -> DicomFile.open(sample));
        assertThat(e.getMessage()).contains("Pixel Data ends without a Sequence Delimitation Item after 10 fragments");
        try (DicomFile file = DicomFile.openLenient(Samples.file(name))) {
            EncapsulatedPixelData pixels = (EncapsulatedPixelData) file.pixelData().orElseThrow();
            assertFalse(pixels.complete());
            assertEquals(10, pixels.fragments().size());
            assertTrue(file.frames().isLocated(9));
        }
    }

    @Test
    void orphanUltrasoundRegionItemIsRecoveredAsSequenceOfUltrasoundRegions() throws IOException {
        try (DicomFile file = DicomFile.open(Samples.file("GH364.dcm"))) {
            Sequence regions = file.dataset().getSequence(Tag.SequenceOfUltrasoundRegions);
            assertEquals(1, regions.size());
            assertEquals(0.025111150360003802, regions.get(0).getDouble(Tag.PhysicalDeltaX), 1e-18);
            assertThat(file.warnings()).anyMatch(w -> w.contains("has no sequence header")
                    && w.contains("Sequence of Ultrasound Regions (0018,6011)"));
            assertEquals("20130730083614", file.dataset().getString(Tag.AcquisitionDateTime));
            assertEquals("MONOCHROME2", file.dataset().getString(Tag.PhotometricInterpretation));
        }
    }

    @Test
    void dicmInsideADataSetWithoutPreambleIsNotMistakenForAPart10Header() throws IOException {
        try (DicomFile file = DicomFile.open(Samples.file("no_preamble_dicm_in_data"))) {
            assertFalse(file.hasFileMeta());
            assertEquals("DICMA1", file.dataset().getString(Tag.StationName));
            assertEquals("DVP", file.dataset().getString(Tag.OperatorsName));
            assertTrue(file.pixelData().isEmpty());
        }
    }

    @Test
    void bareImplicitDataSetWithoutFileMetaIsRead() throws IOException {
        try (DicomFile file = DicomFile.open(Samples.file("CR-MONO1-10-chest"))) {
            assertFalse(file.hasFileMeta());
            assertEquals(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, file.transferSyntax());
            assertEquals(VR.US, file.dataset().getVR(Tag.Rows));
            assertEquals(440, file.dataset().getInt(Tag.Rows, 0));
        }
    }

    @Test
    void misspeltCharacterSetIsAcceptedWithAWarning() throws IOException {
        try (DicomFile file = DicomFile.open(Samples.file("IM00001.implicit_little_endian.dcm"))) {
            assertThat(file.warnings()).contains(
                    "Specific Character Set 'ISO-IR 100' is not a defined term: read as 'ISO_IR 100'");
        }
    }

    @Test
    void textFileIsNotDicom() {
        Path sample = Samples.file("CATALOG.md");
        NotDicomException e = assertThrows(NotDicomException.class, () -> DicomFile.open(sample));
        assertEquals("CATALOG.md is not DICOM: no 'DICM' prefix at byte 128 and the first bytes are not a data element",
                e.getMessage());
    }

    @Test
    void nulPaddedCodeStringIsTrimmed() throws IOException {
        try (DicomFile file = DicomFile.open(Samples.file("GH364.dcm"))) {
            assertEquals("MONOCHROME2", file.dataset().getRawString(Tag.PhotometricInterpretation));
        }
    }

    @Test
    void aClosedFileReadsNoMoreFrames() throws IOException {
        DicomFile file = DicomFile.open(Samples.file("US1_UNCR.dcm"));
        FrameLocation.Segment segment = file.frames().get(0).segments().get(0);
        assertEquals(16, file.readBytes(segment.offset(), 16).length);
        file.close();
        IOException e = assertThrows(IOException.class, () -> file.readBytes(segment.offset(), 16));
        assertThat(e.getMessage()).endsWith("US1_UNCR.dcm was closed");
    }
}
