package org.sonocine.cine;

import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.DicomWriter;
import org.sonocine.dicom.ReadOptions;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;
import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.imaging.FrameSource;
import org.sonocine.study.CineTiming;
import org.sonocine.testing.ImageHeaders;

import java.io.IOException;
import java.util.Arrays;

/** Small grey cines written by the project's own writer: each frame's pixels all hold (frame number x 10) & 0xFF. */
final class TestCines {
    private TestCines() {
    }

    /** A cine of {@code frames} frames of {@code size} x {@code size} pixels at 30 frames/s. */
    static FrameSource grey(int frames, int size) throws IOException {
        return grey(frames, size, 0);
    }

    /** As {@link #grey(int, int)}, with the last {@code cutBytes} bytes of the file cut off. */
    static FrameSource grey(int frames, int size, int cutBytes) throws IOException {
        Attributes ds = ImageHeaders.of(size, size, 1, 8, "MONOCHROME2", frames);
        ds.setString(Tag.FrameTime, VR.DS, "33.333333");
        ds.setString(Tag.WindowCenter, VR.DS, "128");
        ds.setString(Tag.WindowWidth, VR.DS, "256");
        int frameBytes = size * size;
        byte[] pixels = new byte[frameBytes * frames];
        for (int f = 0; f < frames; f++) {
            Arrays.fill(pixels, frameBytes * f, frameBytes * (f + 1), (byte) (f * 10));
        }
        ds.setBytes(Tag.PixelData, VR.OB, pixels);
        byte[] file = new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).toPart10Bytes(ds);
        return FrameSource.of(DicomFile.readLenient(Arrays.copyOf(file, file.length - cutBytes), ReadOptions.DEFAULT));
    }

    static CineTiming timing(FrameSource source) throws DecodeException {
        return CineTiming.of(source.file().dataset(), source.frameCount());
    }
}
