package org.sonocine.imaging;

import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.DicomWriter;
import org.sonocine.dicom.Fragments;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * A fuzz input for the frame decoders: an 8-byte image header, then the pixel data. The header's values are drawn
 * from small ranges (at most 256 x 256 pixels, 1 to 4 frames), so that a frame costs at most a few MiB whatever the
 * input says and anything larger is the codestream's claim, not ours. The frame reaches a decoder the way a file's
 * frames do: written into a DICOM file by our writer, read back, checked by {@link FrameSource#of}, and read by
 * {@link FrameSource#read} — so a decoder sees only headers the reader lets through.
 *
 * <pre>
 * byte 0  Rows - 1                       byte 4  Bits Stored
 * byte 1  Columns - 1                    byte 5  High Bit
 * byte 2  bits 0-1 Samples per Pixel (1, 3, 4, 2), bit 2 Planar Configuration, bit 3 signed
 * byte 3  bits 0-2 Bits Allocated (8, 16, 1, 32, 12, 24, 0, 64)
 * byte 6  Photometric Interpretation (one of {@link #PHOTOMETRICS}, by index modulo their number)
 * byte 7  bits 0-1 Number of Frames - 1; bits 2-7 for the test's own choices ({@link #variant})
 * </pre>
 */
public record FuzzedImage(int rows, int columns, int samples, int planar, boolean signed, int bitsAllocated,
                          int bitsStored, int highBit, String photometric, int frames, int variant, byte[] data) {
    public static final int HEADER = 8;
    private static final int[] SAMPLES = {1, 3, 4, 2};
    private static final int[] BITS = {8, 16, 1, 32, 12, 24, 0, 64};
    public static final List<String> PHOTOMETRICS = List.of("MONOCHROME2", "MONOCHROME1", "RGB", "YBR_FULL",
            "YBR_FULL_422", "YBR_PARTIAL_422", "YBR_PARTIAL_420", "YBR_ICT", "YBR_RCT", "PALETTE COLOR", "", "HSV");

    /** The image an input describes; missing header bytes count as zero. */
    public static FuzzedImage parse(byte[] input) {
        byte[] h = Arrays.copyOf(input, HEADER);
        int b2 = h[2] & 0xFF;
        int b7 = h[7] & 0xFF;
        return new FuzzedImage((h[0] & 0xFF) + 1, (h[1] & 0xFF) + 1, SAMPLES[b2 & 3], (b2 >> 2) & 1,
                (b2 & 8) != 0, BITS[h[3] & 7], h[4] & 0xFF, h[5] & 0xFF,
                PHOTOMETRICS.get((h[6] & 0xFF) % PHOTOMETRICS.size()), (b7 & 3) + 1, b7 >> 2,
                input.length > HEADER ? Arrays.copyOfRange(input, HEADER, input.length) : new byte[0]);
    }

    /** A seed: an unsigned image using all its bits, whose pixel data is {@code data}. */
    public static FuzzedImage of(int rows, int columns, int samples, int bitsAllocated, String photometric,
                                 byte[] data) {
        return new FuzzedImage(rows, columns, samples, 0, false, bitsAllocated, bitsAllocated, bitsAllocated - 1,
                photometric, 1, 0, data);
    }

    public FuzzedImage withFrames(int value) {
        return new FuzzedImage(rows, columns, samples, planar, signed, bitsAllocated, bitsStored, highBit,
                photometric, value, variant, data);
    }

    public FuzzedImage withVariant(int value) {
        return new FuzzedImage(rows, columns, samples, planar, signed, bitsAllocated, bitsStored, highBit,
                photometric, frames, value, data);
    }

    public FuzzedImage withPlanar(int value) {
        return new FuzzedImage(rows, columns, samples, value, signed, bitsAllocated, bitsStored, highBit,
                photometric, frames, variant, data);
    }

    /** This image as a fuzz input, {@link #parse}'s inverse. */
    public byte[] toInput() {
        byte[] input = Arrays.copyOf(new byte[] {(byte) (rows - 1), (byte) (columns - 1),
                (byte) (indexOf(SAMPLES, samples) | planar << 2 | (signed ? 8 : 0)), (byte) indexOf(BITS, bitsAllocated),
                (byte) bitsStored, (byte) highBit, (byte) PHOTOMETRICS.indexOf(photometric),
                (byte) ((frames - 1) | variant << 2)}, HEADER + data.length);
        System.arraycopy(data, 0, input, HEADER, data.length);
        return input;
    }

    /** The Image Pixel module of this header, in the byte order of {@code bigEndian} data sets. */
    public Attributes header(boolean bigEndian) {
        Attributes ds = new Attributes(bigEndian, 16);
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.3.1");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.1");
        ds.setInt(Tag.SamplesPerPixel, VR.US, samples);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, photometric);
        ds.setString(Tag.NumberOfFrames, VR.IS, Integer.toString(frames));
        ds.setInt(Tag.PlanarConfiguration, VR.US, planar);
        ds.setInt(Tag.Rows, VR.US, rows);
        ds.setInt(Tag.Columns, VR.US, columns);
        ds.setInt(Tag.BitsAllocated, VR.US, bitsAllocated);
        ds.setInt(Tag.BitsStored, VR.US, bitsStored);
        ds.setInt(Tag.HighBit, VR.US, highBit);
        ds.setInt(Tag.PixelRepresentation, VR.US, signed ? 1 : 0);
        return ds;
    }

    /** The data as native pixel data of {@code vr} in {@code syntax}, read back. */
    public DicomFile nativeFile(TransferSyntax syntax, VR vr) throws IOException {
        Attributes ds = header(syntax.bigEndian());
        ds.setBytes(Tag.PixelData, vr, data.length % 2 == 0 ? data : Arrays.copyOf(data, data.length + 1));
        return DicomFile.read(new DicomWriter(syntax).toPart10Bytes(ds));
    }

    /** The data as the one fragment of encapsulated pixel data in {@code syntax}, read back. */
    public DicomFile encapsulatedFile(TransferSyntax syntax) throws IOException {
        Attributes ds = header(false);
        Fragments fragments = new Fragments();
        fragments.add(new byte[0]);
        fragments.add(data);
        ds.set(Tag.PixelData, VR.OB, fragments);
        return DicomFile.read(new DicomWriter(syntax).toPart10Bytes(ds));
    }

    /**
     * Decodes each frame of {@code file} with {@code decoder} as a file's frames are decoded, except that nothing
     * contains what the decoder throws: the header must pass {@link FrameSource#of}, and each frame's outcome must
     * satisfy the fuzz property.
     */
    public static void decodeEach(DicomFile file, FrameDecoder decoder) throws Exception {
        FrameSource source = FrameSource.of(file);
        for (int i = 0; i < source.frameCount(); i++) {
            int index = i;
            org.sonocine.testing.FuzzProperty.holds(() -> decoder.decode(source.read(index)));
        }
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        throw new IllegalArgumentException(value + " is not among " + Arrays.toString(values));
    }
}
