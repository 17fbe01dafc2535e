package org.sonocine.study;

import org.junit.jupiter.api.Test;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.DicomWriter;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;
import org.sonocine.testing.Samples;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageInfoTest {

    private static ImageInfo ofSample(String name) throws IOException {
        try (DicomFile file = DicomFile.openLenient(Samples.file(name))) {
            return ImageInfo.of(file);
        }
    }

    @Test
    void theFourCardFactsOfAnAcquisition() throws IOException {
        ImageInfo info = ofSample("jpeg2000-multiframe-multifragments.dcm");
        assertEquals("DERIVED", info.pixelDataCharacteristics());
        assertTrue(info.isDerived());
        assertEquals("19 Dec 2006 12:09:00 UTC-05:00", info.acquisitionText(), "with Timezone Offset From UTC");
        assertEquals("Molly Jones", info.operatorsText());
        assertEquals("123456", info.deviceSerialNumber());
        assertEquals("Enhanced MR Image Storage", info.sopClassName());
        assertEquals("JPEG 2000 Image Compression", info.transferSyntaxName());
    }

    @Test
    void originalImagesAndAcquisitionDateTimeOfAnUltrasoundScanner() throws IOException {
        ImageInfo info = ofSample("GH364.dcm");
        assertTrue(info.isOriginal());
        assertFalse(info.isDerived());
        assertEquals("30 Jul 2013 08:36:14", info.acquisitionText());
        assertEquals("Philips Medical Systems", info.manufacturer());
        assertEquals("iU22", info.model());
    }

    private static ImageInfo ofDataset(Attributes ds) throws IOException {
        return ImageInfo.of(DicomFile.read(new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).toPart10Bytes(ds)));
    }

    @Test
    void acquisitionDateTimeIsPreferredToTheContentTimeBesideIt() throws IOException {
        ImageInfo info = ofSample("GH364.dcm");
        assertEquals(ImageInfo.AcquisitionSource.ACQUISITION_DATETIME, info.acquisitionSource());
        assertEquals("30 Jul 2013 08:36:14", info.acquisitionText(), "Content Time says 08:36:15");
    }

    @Test
    void aContentTimeStandingInForTheAcquisitionIsRecordedAsSuch() throws IOException {
        Attributes ds = new Attributes();
        ds.setString(Tag.ContentDate, VR.DA, "20240102");
        ds.setString(Tag.ContentTime, VR.TM, "101112");
        ImageInfo info = ofDataset(ds);
        assertEquals(ImageInfo.AcquisitionSource.CONTENT_DATE_AND_TIME, info.acquisitionSource());
        assertFalse(info.acquisitionSource().isAcquisition());
        assertEquals("Content Date and Time", info.acquisitionSource().attributes());
        assertEquals("2 Jan 2024 10:11:12", info.acquisitionText());
    }

    @Test
    void acquisitionDateAndTimeComeBeforeContentDateAndTime() throws IOException {
        Attributes ds = new Attributes();
        ds.setString(Tag.AcquisitionDate, VR.DA, "20240101");
        ds.setString(Tag.ContentDate, VR.DA, "20240102");
        ds.setString(Tag.ContentTime, VR.TM, "101112");
        ImageInfo info = ofDataset(ds);
        assertEquals(ImageInfo.AcquisitionSource.ACQUISITION_DATE_AND_TIME, info.acquisitionSource());
        assertEquals("1 Jan 2024", info.acquisitionText());
    }

    @Test
    void withoutAnyDateTheSourceIsNone() throws IOException {
        ImageInfo info = ofSample("US1_UNCR.dcm");
        assertEquals(ImageInfo.AcquisitionSource.NONE, info.acquisitionSource());
        assertEquals("", info.acquisitionText());
    }

    @Test
    void timeZoneIsShownWhenTheFileGivesIt() throws IOException {
        Attributes ds = new Attributes();
        ds.setString(Tag.AcquisitionDate, VR.DA, "20240102");
        ds.setString(Tag.AcquisitionTime, VR.TM, "101112");
        ds.setString(Tag.TimezoneOffsetFromUTC, VR.SH, "+0100");
        Attributes source = ds.newSequence(Tag.SourceImageSequence).addItem();
        source.setString(Tag.ReferencedSOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.3.1");
        source.setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2.3.4");
        DicomFile file = DicomFile.read(new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).toPart10Bytes(ds));
        ImageInfo info = ImageInfo.of(file);
        assertEquals("2 Jan 2024 10:11:12 UTC+01:00", info.acquisitionText());
        assertEquals("1.2.3.4", info.sourceImages().get(0).sopInstanceUid());
    }
}
