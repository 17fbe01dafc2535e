package org.sonocine.testing;

import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomWriter;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A small uncompressed ultrasound cine full of identifying data: attributes of every action class of the
 * confidentiality profile, a private block, a kept sequence holding names, two ultrasound regions and a Source
 * Image reference, so that de-identification can be checked attribute by attribute.
 */
public final class IdentifiedUltrasound {
    public static final int ROWS = 8;
    public static final int COLUMNS = 10;
    public static final int FRAMES = 2;
    public static final String STUDY_UID = "1.2.826.0.1.3680043.9.7777.1";
    public static final String SERIES_UID = "1.2.826.0.1.3680043.9.7777.1.1";
    public static final String FRAME_OF_REFERENCE_UID = "1.2.826.0.1.3680043.9.7777.1.9";
    public static final String SOP_CLASS_UID = "1.2.840.10008.5.1.4.1.1.3.1";
    public static final int PRIVATE_CREATOR = 0x00090010;
    public static final int PRIVATE_VALUE = 0x00091001;
    /** Anatomic Region Sequence: not in the profile's table, so kept, with its items cleaned. */
    public static final int KEPT_SEQUENCE = 0x00082218;
    public static final int PERSON_NAME = 0x0040A123;

    private IdentifiedUltrasound() {
    }

    /** The stored value of pixel {@code p} of frame {@code f}: never 0, so that blanking shows. */
    public static int pixel(int p, int f) {
        return 1 + (p * 7 + f * 13) % 250;
    }

    /**
     * Writes one instance of the study; {@code sourceSopInstanceUid}, when not null, is referenced in its
     * Source Image Sequence.
     */
    public static Path write(Path file, String sopInstanceUid, String sourceSopInstanceUid) throws IOException {
        Attributes ds = new Attributes();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY");
        ds.setString(Tag.SOPClassUID, VR.UI, SOP_CLASS_UID);
        ds.setString(Tag.SOPInstanceUID, VR.UI, sopInstanceUid);
        ds.setString(Tag.StudyDate, VR.DA, "20240315");
        ds.setString(Tag.SeriesDate, VR.DA, "20240315");
        ds.setString(Tag.ContentDate, VR.DA, "20240315");
        ds.setString(Tag.StudyTime, VR.TM, "101500");
        ds.setString(Tag.AccessionNumber, VR.SH, "ACC123456");
        ds.setString(Tag.Modality, VR.CS, "US");
        ds.setString(Tag.Manufacturer, VR.LO, "Acme Medical");
        ds.setString(Tag.InstitutionName, VR.LO, "St Elsewhere Hospital");
        ds.setString(Tag.ReferringPhysicianName, VR.PN, "House^Gregory");
        ds.setString(Tag.StationName, VR.SH, "US-ROOM-3");
        ds.setString(Tag.StudyDescription, VR.LO, "Echo for Jane Roe");
        ds.setString(Tag.OperatorsName, VR.PN, "Sono^Grapher");
        Attributes anatomy = ds.newSequence(KEPT_SEQUENCE).addItem();
        anatomy.setString(Tag.CodeValue, VR.SH, "T-32000");
        anatomy.setString(Tag.InstitutionName, VR.LO, "St Elsewhere Hospital");
        anatomy.setString(PERSON_NAME, VR.PN, "Roe^Jane");
        if (sourceSopInstanceUid != null) {
            Attributes source = ds.newSequence(Tag.SourceImageSequence).addItem();
            source.setString(Tag.ReferencedSOPClassUID, VR.UI, SOP_CLASS_UID);
            source.setString(Tag.ReferencedSOPInstanceUID, VR.UI, sourceSopInstanceUid);
        }
        ds.setString(PRIVATE_CREATOR, VR.LO, "ACME_PRIVATE");
        ds.setString(PRIVATE_VALUE, VR.LO, "Roe^Jane 1970");
        ds.setString(Tag.PatientName, VR.PN, "Roe^Jane");
        ds.setString(Tag.PatientID, VR.LO, "MRN0042");
        ds.setString(Tag.PatientBirthDate, VR.DA, "19700101");
        ds.setString(Tag.PatientSex, VR.CS, "F");
        ds.setString(Tag.OtherPatientIDs, VR.LO, "OLD-0042");
        ds.setString(Tag.PatientAddress, VR.LO, "1 Main Street");
        ds.setString(Tag.DeviceSerialNumber, VR.LO, "SN-998877");
        ds.setString(Tag.StudyInstanceUID, VR.UI, STUDY_UID);
        ds.setString(Tag.SeriesInstanceUID, VR.UI, SERIES_UID);
        ds.setString(Tag.StudyID, VR.SH, "S1");
        ds.setString(Tag.SeriesNumber, VR.IS, "1");
        ds.setString(Tag.FrameOfReferenceUID, VR.UI, FRAME_OF_REFERENCE_UID);
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setString(Tag.NumberOfFrames, VR.IS, String.valueOf(FRAMES));
        ds.setInt(Tag.Rows, VR.US, ROWS);
        ds.setInt(Tag.Columns, VR.US, COLUMNS);
        ds.setInt(Tag.BitsAllocated, VR.US, 8);
        ds.setInt(Tag.BitsStored, VR.US, 8);
        ds.setInt(Tag.HighBit, VR.US, 7);
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
        var regions = ds.newSequence(Tag.SequenceOfUltrasoundRegions);
        region(regions.addItem(), 2, 1, 5, 4);
        region(regions.addItem(), 7, 6, 8, 7);
        byte[] pixels = new byte[ROWS * COLUMNS * FRAMES];
        for (int f = 0; f < FRAMES; f++) {
            for (int p = 0; p < ROWS * COLUMNS; p++) {
                pixels[f * ROWS * COLUMNS + p] = (byte) pixel(p, f);
            }
        }
        ds.setBytes(Tag.PixelData, VR.OB, pixels);
        new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).writeFile(file, ds);
        return file;
    }

    /** Whether pixel {@code p} lies in one of the two regions. */
    public static boolean insideRegions(int p) {
        int x = p % COLUMNS;
        int y = p / COLUMNS;
        return (x >= 2 && x <= 5 && y >= 1 && y <= 4) || (x >= 7 && x <= 8 && y >= 6 && y <= 7);
    }

    private static void region(Attributes item, int minX, int minY, int maxX, int maxY) {
        item.setInt(Tag.RegionLocationMinX0, VR.UL, minX);
        item.setInt(Tag.RegionLocationMinY0, VR.UL, minY);
        item.setInt(Tag.RegionLocationMaxX1, VR.UL, maxX);
        item.setInt(Tag.RegionLocationMaxY1, VR.UL, maxY);
        item.setInt(Tag.RegionSpatialFormat, VR.US, 1);
        item.setInt(Tag.RegionDataType, VR.US, 1);
    }
}
