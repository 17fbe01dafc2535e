package org.sonocine.imaging;

import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.DicomWriter;
import org.sonocine.dicom.Fragments;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;
import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.testing.ImageHeaders;

import java.io.IOException;
import java.util.List;

/** Small images written by our own writer, for decoder tests. */
final class TestImages {
    private TestImages() {
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

    /** Frame 1 of an 8-bit image of {@code rows} x {@code columns} x {@code samples} (RGB or MONOCHROME2). */
    static EncodedFrame eightBitFrame(byte[] codestream, int rows, int columns, int samples) {
        try {
            PixelDescription header = PixelDescription.of(ImageHeaders.of(rows, columns, samples, 8,
                    samples == 3 ? "RGB" : "MONOCHROME2", 1), 1);
            return new EncodedFrame(0, codestream, header, false, 1, 0, null);
        } catch (DecodeException e) {
            throw new AssertionError(e);
        }
    }
}
