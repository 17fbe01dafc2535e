package org.sonocine.ui;

import org.sonocine.export.BurnIn;
import org.sonocine.export.CineExport;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the user asked to export: the format, where to, which frames and at what size.
 *
 * @param format the output format
 * @param out    the GIF or MP4 file, or the folder for PNG frames
 * @param frames the frames to export, or null for the range the viewer plays (trim and sweep applied)
 * @param scale  size factor after the pixel aspect is applied
 * @param burnIn what is drawn into the frames: the overlay text, measurements, or nothing
 */
public record ExportRequest(CineExport.Format format, Path out, Frames frames, double scale, BurnIn burnIn) {

    /** Frames {@code first} to {@code last} of the file, 1-based and inclusive, in file order. */
    public record Frames(int first, int last) {
        public Frames {
            if (first < 1 || last < first) {
                throw new IllegalArgumentException("frames " + first + " to " + last + " are not a range");
            }
        }
    }

    public ExportRequest {
        Objects.requireNonNull(format);
        Objects.requireNonNull(out);
        Objects.requireNonNull(burnIn);
    }

    /** The range the viewer plays. */
    public static ExportRequest played(CineExport.Format format, Path out, double scale) {
        return new ExportRequest(format, out, null, scale, BurnIn.NONE);
    }

    public static ExportRequest frames(CineExport.Format format, Path out, int first, int last, double scale) {
        return new ExportRequest(format, out, new Frames(first, last), scale, BurnIn.NONE);
    }

    /** This request with {@code drawn} burned into the frames. */
    public ExportRequest withBurnIn(BurnIn drawn) {
        return new ExportRequest(format, out, frames, scale, drawn);
    }
}
