package org.sonocine.imaging;

import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.Tag;
import org.sonocine.imaging.codec.DecodeException;

/**
 * The Image Pixel module (PS3.3 C.7.6.3) of a header: size, sample layout and photometric interpretation,
 * checked for sense before anything is allocated.
 */
public record PixelDescription(int rows, int columns, int samplesPerPixel, int bitsAllocated, int bitsStored,
                               int highBit, boolean signed, int planarConfiguration, Photometric photometric,
                               int frames) {

    /** The largest single frame decoded (2 GiB less headroom: one Java array). */
    public static final long MAX_FRAME_BYTES = Integer.MAX_VALUE - 64;

    public static PixelDescription of(Attributes ds, int frames) throws DecodeException {
        int rows = ds.getInt(Tag.Rows, 0) & 0xFFFF;
        int columns = ds.getInt(Tag.Columns, 0) & 0xFFFF;
        int samples = ds.getInt(Tag.SamplesPerPixel, 1);
        int bitsAllocated = ds.getInt(Tag.BitsAllocated, 0);
        int bitsStored = ds.getInt(Tag.BitsStored, bitsAllocated);
        int highBit = ds.getInt(Tag.HighBit, bitsStored - 1);
        boolean signed = ds.getInt(Tag.PixelRepresentation, 0) == 1;
        int planar = ds.getInt(Tag.PlanarConfiguration, 0);
        Photometric photometric = Photometric.of(ds.getString(Tag.PhotometricInterpretation));
        if (photometric == Photometric.UNKNOWN) {
            photometric = samples == 3 ? Photometric.RGB : Photometric.MONOCHROME2;
        }
        if (rows <= 0 || columns <= 0) {
            throw new DecodeException("the image has no size (Rows " + rows + ", Columns " + columns + ")");
        }
        if (samples != 1 && samples != 3 && samples != 4) {
            throw new DecodeException("Samples per Pixel " + samples + " is not supported");
        }
        if (bitsAllocated != 1 && bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
            throw new DecodeException("Bits Allocated " + bitsAllocated + " is not supported (1, 8, 16 or 32)");
        }
        if (bitsStored < 1 || bitsStored > bitsAllocated) {
            bitsStored = bitsAllocated;
        }
        if (highBit < bitsStored - 1 || highBit >= bitsAllocated) {
            highBit = bitsStored - 1;
        }
        if ((long) rows * columns * samples > MAX_FRAME_BYTES) {
            throw new DecodeException("one frame of " + rows + " x " + columns + " pixels of " + samples
                    + " samples is larger than Sonocine decodes");
        }
        PixelDescription d = new PixelDescription(rows, columns, samples, bitsAllocated, bitsStored, highBit, signed,
                planar, photometric, frames);
        if (d.frameBytes() > MAX_FRAME_BYTES) {
            throw new DecodeException("one frame of " + rows + " x " + columns + " x " + samples + " samples of "
                    + bitsAllocated + " bits (" + d.frameBytes() + " bytes) is larger than Sonocine decodes");
        }
        return d;
    }

    public int pixels() {
        return rows * columns;
    }

    public int bytesPerSample() {
        return bitsAllocated <= 8 ? 1 : bitsAllocated / 8;
    }

    /** Bytes of one frame of stored values (native 4:2:2 keeps two bytes per pixel; 1-bit data is packed). */
    public long frameBytes() {
        long pixels = (long) rows * columns;
        if (bitsAllocated == 1) {
            return (pixels * samplesPerPixel + 7) / 8;
        }
        return pixels * samplesPerPixel * bytesPerSample();
    }

    public PixelDescription withPhotometric(Photometric value) {
        return new PixelDescription(rows, columns, samplesPerPixel, bitsAllocated, bitsStored, highBit, signed,
                planarConfiguration, value, frames);
    }

    public PixelDescription withBits(int allocated, int stored, boolean isSigned) {
        return new PixelDescription(rows, columns, samplesPerPixel, allocated, stored, stored - 1, isSigned,
                planarConfiguration, photometric, frames);
    }

    public PixelDescription interleaved() {
        return new PixelDescription(rows, columns, samplesPerPixel, bitsAllocated, bitsStored, highBit, signed, 0,
                photometric, frames);
    }
}
