package org.sonocine.testing;

import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.VR;

/** The header of a small 8-bit MONOCHROME2 ultrasound image, for tests that write their own files. */
public final class GreyImages {
    private GreyImages() {
    }

    /** Ultrasound Multi-frame Image Storage, {@code rows} x {@code columns}, Number of Frames as given. */
    public static Attributes header(int rows, int columns, String numberOfFrames) {
        Attributes ds = new Attributes();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.3.1");
        ds.setString(Tag.Modality, VR.CS, "US");
        ds.setString(Tag.NumberOfFrames, VR.IS, numberOfFrames);
        ds.setInt(Tag.Rows, VR.US, rows);
        ds.setInt(Tag.Columns, VR.US, columns);
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setInt(Tag.BitsAllocated, VR.US, 8);
        ds.setInt(Tag.BitsStored, VR.US, 8);
        ds.setInt(Tag.HighBit, VR.US, 7);
        return ds;
    }
}
