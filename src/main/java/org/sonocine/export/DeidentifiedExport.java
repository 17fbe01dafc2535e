package org.sonocine.export;

import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.DicomWriter;
import org.sonocine.dicom.Sequence;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;
import org.sonocine.imaging.ColourRenderer;
import org.sonocine.imaging.DisplayFrame;
import org.sonocine.imaging.FrameSource;
import org.sonocine.imaging.Photometric;
import org.sonocine.imaging.PixelDescription;
import org.sonocine.imaging.PixelMemory;
import org.sonocine.imaging.StoredFrame;
import org.sonocine.study.UltrasoundRegion;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes de-identified copies of DICOM files ({@link Deidentifier}) into a folder, one new file per instance named
 * after its new SOP Instance UID, in explicit VR little endian with the pixels decoded: compressed frames are
 * never re-encoded, and colour that a codec stored as YCbCr is written as RGB. Optionally every pixel outside the
 * ultrasound regions is blacked out, where devices burn in names and dates. The input is never written to; nothing
 * appears in the folder until a file is complete. Use one instance for all files of an export, so that their UIDs
 * are replaced consistently.
 */
public final class DeidentifiedExport {

    /**
     * One written copy.
     *
     * @param out            the new file
     * @param frames         frames written
     * @param decodedFrom    the input's transfer syntax when its pixels were compressed and are now written
     *                       uncompressed; null when they were uncompressed already
     * @param photometric    Photometric Interpretation written
     * @param mayHoldBurnedInText whether Burned In Annotation is YES or absent: text inside the regions (or, without
     *                       blanking, anywhere) may remain in the pixels
     */
    public record Result(Path out, int frames, String decodedFrom, String photometric, boolean mayHoldBurnedInText) {
    }

    private final Deidentifier deidentifier = new Deidentifier();
    private final boolean blankOutsideRegions;

    public DeidentifiedExport(boolean blankOutsideRegions) {
        this.blankOutsideRegions = blankOutsideRegions;
    }

    /**
     * Writes the de-identified copy of {@code input} into {@code folder}.
     *
     * @throws OutputException when {@code folder} is not a folder or cannot be written
     * @throws IOException     when the input cannot be read or decoded, or has no regions to blank outside of
     */
    public Result write(Path input, Path folder) throws IOException {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new OutputException(folder + " is a file: de-identified copies are written into a folder");
        }
        try (DicomFile dicom = DicomFile.open(input)) {
            Attributes source = dicom.dataset();
            FrameSource frames = FrameSource.of(dicom);
            Attributes out = deidentifier.deidentify(source);
            out.remove(Tag.PixelData);
            // Offsets into the compressed frames mean nothing beside the uncompressed ones written.
            out.remove(Tag.ExtendedOffsetTable);
            out.remove(Tag.ExtendedOffsetTableLengths);
            String sopInstanceUid = out.getString(Tag.SOPInstanceUID);
            if (sopInstanceUid == null || sopInstanceUid.isBlank()) {
                // Without one the copy could not be stored, and would share its file name with the next such file.
                out.setString(Tag.SOPInstanceUID, VR.UI, Deidentifier.randomUid());
            }
            // The first frame fixes the layout written (YCbCr comes out as RGB); the others follow one at a time.
            CopiedFrame first = copied(frames, 0, null);
            PixelDescription layout = first.layout();
            // The mask is as large as a frame: made once one frame has shown the header's size to be real.
            boolean[] inside = blankOutsideRegions ? insideRegions(source, layout) : null;
            if (inside != null) {
                blank(first.data(), layout, inside);
            }
            setImagePixel(out, layout);
            long length = (long) frames.frameCount() * layout.frameBytes();
            TransferSyntax syntax = dicom.transferSyntax();
            String decodedFrom = syntax.encapsulated() ? syntax.name() : null;
            Path target = folder.resolve(out.getString(Tag.SOPInstanceUID) + ".dcm");
            write(target, out, layout.bitsAllocated() <= 8 ? VR.OB : VR.OW, length, stream -> {
                stream.write(first.data(), 0, (int) layout.frameBytes());
                for (int i = 1; i < frames.frameCount(); i++) {
                    CopiedFrame frame = copied(frames, i, inside);
                    if (frame.layout().frameBytes() != layout.frameBytes()) {
                        throw new IOException("frame " + (i + 1) + " does not have the first frame's layout");
                    }
                    stream.write(frame.data(), 0, (int) layout.frameBytes());
                }
            });
            return new Result(target, frames.frameCount(), decodedFrom, photometricName(layout),
                    mayHoldBurnedInText(source));
        }
    }

    /** Burned In Annotation YES or absent (or not NO): the device may have written names and dates into the pixels. */
    public static boolean mayHoldBurnedInText(Attributes ds) {
        String burnedIn = ds.getString(Tag.BurnedInAnnotation);
        return burnedIn == null || !burnedIn.strip().equalsIgnoreCase("NO");
    }

    private static void write(Path target, Attributes dataset, VR pixelVR, long length,
                              DicomWriter.ValueWriter pixels) throws IOException {
        try (PendingOutput pending = PendingOutput.file(target)) {
            OutputStream file;
            try {
                file = Files.newOutputStream(pending.path());
            } catch (IOException e) {
                throw new OutputException(target, e);
            }
            try (OutputStream stream = new BufferedOutputStream(new OutputFailures(file, target), 1 << 16)) {
                new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).writePart10(stream, dataset, pixelVR,
                        length, pixels);
            }
            pending.commit();
        } catch (RuntimeException e) {
            throw new OutputException(target, e);
        }
    }

    /** Which pixels lie in the union of the ultrasound regions. */
    private static boolean[] insideRegions(Attributes ds, PixelDescription layout) throws IOException {
        Sequence regions = ds.getSequence(Tag.SequenceOfUltrasoundRegions);
        int rows = layout.rows();
        int columns = layout.columns();
        if (regions == null || regions.isEmpty()) {
            throw new IOException("the file has no ultrasound regions (Sequence of Ultrasound Regions), so there is"
                    + " nothing to blank outside of");
        }
        boolean[] inside = new boolean[rows * columns];
        for (Attributes item : regions) {
            UltrasoundRegion r = UltrasoundRegion.of(item);
            for (int y = Math.max(0, r.minY()); y <= Math.min(rows - 1, r.maxY()); y++) {
                for (int x = Math.max(0, r.minX()); x <= Math.min(columns - 1, r.maxX()); x++) {
                    inside[y * columns + x] = true;
                }
            }
        }
        return inside;
    }

    /** One frame as written: decoded, YCbCr made RGB, blanked outside the regions when asked. */
    private record CopiedFrame(byte[] data, PixelDescription layout) {
    }

    private static CopiedFrame copied(FrameSource frames, int index, boolean[] inside) throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("export cancelled");
        }
        StoredFrame frame = frames.decode(index);
        PixelDescription layout = frame.layout();
        byte[] data = frame.data();
        if (layout.samplesPerPixel() == 3 && layout.photometric() != Photometric.RGB) {
            data = rgb(frame);
            layout = layout.withPhotometric(Photometric.RGB);
        }
        if (layout.bitsAllocated() == 1 || layout.samplesPerPixel() == 4) {
            throw new IOException("pixels of " + layout.samplesPerPixel() + " samples of "
                    + layout.bitsAllocated() + " bit are not supported for a de-identified copy");
        }
        if (data.length < layout.frameBytes()) {
            throw new IOException("frame " + (index + 1) + " decoded to fewer bytes than its size");
        }
        if (inside != null) {
            blank(data, layout, inside);
        }
        return new CopiedFrame(data, layout);
    }

    private static String photometricName(PixelDescription layout) {
        return layout.photometric() == Photometric.PALETTE_COLOR ? "PALETTE COLOR" : layout.photometric().name();
    }

    /** Colour a codec left as YCbCr, as the viewer converts it, in 8-bit RGB. */
    private static byte[] rgb(StoredFrame frame) throws IOException {
        if (frame.layout().bitsAllocated() != 8) {
            throw new IOException("YCbCr pixels of " + frame.layout().bitsAllocated()
                    + " bits are not supported for a de-identified copy");
        }
        DisplayFrame shown = new ColourRenderer().render(frame, PixelMemory.FRESH);
        int[] argb = shown.argb();
        byte[] rgb = new byte[argb.length * 3];
        for (int p = 0; p < argb.length; p++) {
            rgb[3 * p] = (byte) (argb[p] >> 16);
            rgb[3 * p + 1] = (byte) (argb[p] >> 8);
            rgb[3 * p + 2] = (byte) argb[p];
        }
        return rgb;
    }

    /** Black (the lowest value, the highest for MONOCHROME1) on every sample of every pixel outside the regions. */
    private static void blank(byte[] data, PixelDescription layout, boolean[] inside) {
        int bytes = layout.bytesPerSample();
        int samples = layout.samplesPerPixel();
        long black = layout.photometric() == Photometric.MONOCHROME1
                ? (layout.signed() ? (1L << (layout.bitsStored() - 1)) - 1 : (1L << layout.bitsStored()) - 1)
                : (layout.signed() ? -(1L << (layout.bitsStored() - 1)) : 0);
        if (layout.photometric() != Photometric.MONOCHROME1 && layout.photometric() != Photometric.MONOCHROME2) {
            black = 0;
        }
        int pixels = Math.min(inside.length, layout.pixels());
        for (int p = 0; p < pixels; p++) {
            if (inside[p]) {
                continue;
            }
            for (int s = 0; s < samples; s++) {
                int at = (p * samples + s) * bytes;
                for (int b = 0; b < bytes; b++) {
                    data[at + b] = (byte) (black >> (8 * b));
                }
            }
        }
    }

    private static void setImagePixel(Attributes out, PixelDescription layout) {
        out.setInt(Tag.SamplesPerPixel, VR.US, layout.samplesPerPixel());
        out.setString(Tag.PhotometricInterpretation, VR.CS, layout.photometric() == Photometric.PALETTE_COLOR
                ? "PALETTE COLOR" : layout.photometric().name());
        out.setInt(Tag.BitsAllocated, VR.US, layout.bitsAllocated());
        out.setInt(Tag.BitsStored, VR.US, layout.bitsStored());
        out.setInt(Tag.HighBit, VR.US, layout.highBit());
        out.setInt(Tag.PixelRepresentation, VR.US, layout.signed() ? 1 : 0);
        if (layout.samplesPerPixel() > 1) {
            out.setInt(Tag.PlanarConfiguration, VR.US, 0);
        } else {
            out.remove(Tag.PlanarConfiguration);
        }
    }
}
