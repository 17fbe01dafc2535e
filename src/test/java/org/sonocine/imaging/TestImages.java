package org.sonocine.imaging;

import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.DicomWriter;
import org.sonocine.dicom.Fragments;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;

import java.io.IOException;
import java.util.List;

/** Small images written by our own writer, for decoder tests. */
final class TestImages {
    private TestImages() {
    }

    static Attributes header(int rows, int columns, int samples, int bitsAllocated, String photometric, int frames) {
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

    static Attributes withBigEndian(Attributes ds) {
        Attributes be = new Attributes(true, 32);
        for (int i = 0; i < ds.size(); i++) {
            int tag = ds.tagAt(i);
            VR vr = ds.vrAt(i);
            if (vr == VR.US) {
                be.setInt(tag, VR.US, ds.getInts(tag));
            } else {
                be.set(tag, vr, ds.valueAt(i));
            }
        }
        return be;
    }

    static DicomFile nativeFile(Attributes ds, VR vr, byte[] pixels, TransferSyntax syntax) throws IOException {
        ds.setBytes(Tag.PixelData, vr, pixels);
        return DicomFile.read(new DicomWriter(syntax).toPart10Bytes(ds));
    }

    static DicomFile encapsulatedFile(Attributes ds, TransferSyntax syntax, List<byte[]> frames) throws IOException {
        Fragments fragments = new Fragments();
        fragments.add(new byte[0]);
        frames.forEach(fragments::add);
        ds.set(Tag.PixelData, VR.OB, fragments);
        return DicomFile.read(new DicomWriter(syntax).toPart10Bytes(ds));
    }
}
