package org.sonocine.testing;

import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.VR;

/** Headers of small images for tests that write their own files with the project's writer. */
public final class ImageHeaders {
    private ImageHeaders() {
    }

    /**
     * An Ultrasound Multi-frame image of {@code rows} x {@code columns}, unsigned samples using all their bits,
     * colour by pixel; Number of Frames only when there is more than one.
     */
    public static Attributes of(int rows, int columns, int samples, int bitsAllocated, String photometric,
                                int frames) {
        Attributes ds = new Attributes();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.3.1");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.99");
        ds.setInt(Tag.SamplesPerPixel, VR.US, samples);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, photometric);
        if (frames > 1) {
            ds.setString(Tag.NumberOfFrames, VR.IS, Integer.toString(frames));
        }
        ds.setInt(Tag.Rows, VR.US, rows);
        ds.setInt(Tag.Columns, VR.US, columns);
        ds.setInt(Tag.BitsAllocated, VR.US, bitsAllocated);
        ds.setInt(Tag.BitsStored, VR.US, bitsAllocated);
        ds.setInt(Tag.HighBit, VR.US, bitsAllocated - 1);
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
        if (samples > 1) {
            ds.setInt(Tag.PlanarConfiguration, VR.US, 0);
        }
        return ds;
    }
}
