package org.sonocine.dicom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where each frame's bytes lie, worked out once from the header: native frames by size; encapsulated frames
 * from the Extended Offset Table, else the Basic Offset Table, else one fragment per frame when the counts
 * match, else the fragments that start a JPEG or JPEG 2000 codestream. A frame that cannot be located, or that
 * the file cuts short, has a reason instead of a location.
 */
public final class FrameTable {
    private final FrameLocation[] locations;
    private final String[] reasons;
    private final String method;

    private FrameTable(FrameLocation[] locations, String[] reasons, String method) {
        this.locations = locations;
        this.reasons = reasons;
        this.method = method;
    }

    static FrameTable of(DicomFile file) {
        int frames = file.numberOfFrames();
        PixelData pixelData = file.pixelData().orElse(null);
        if (pixelData == null || frames == 0) {
            return new FrameTable(new FrameLocation[0], new String[0], "no pixel data");
        }
        if (pixelData instanceof NativePixelData n) {
            return ofNative(file.dataset(), n, frames);
        }
        return ofEncapsulated(file.dataset(), (EncapsulatedPixelData) pixelData, frames, file.streamLength());
    }

    /**
     * The most frames {@code pixelData} can hold, whatever Number of Frames claims (at least 1): native data by
     * the size of a frame and the bytes present; encapsulated data by its fragments (every frame has at least one), or, where the
     * fragments were not all read, by the bytes left (every fragment has an 8-byte item header).
     */
    static long framesHeld(Attributes ds, PixelData pixelData, long streamLength) {
        if (pixelData instanceof NativePixelData n) {
            long frameBits = nativeFrameBits(ds);
            if (frameBits <= 0) {
                return 1;
            }
            // The bytes the file holds, not the length Pixel Data declares: a cut file keeps its cut frame.
            long bytes = Math.min(n.data().length(), n.data().available());
            return Math.max(1, (bytes * 8 + frameBits - 1) / frameBits);
        }
        EncapsulatedPixelData e = (EncapsulatedPixelData) pixelData;
        long fragments = Math.max(1, e.fragments().size());
        return e.scanned() && e.complete() ? fragments : Math.max(fragments, streamLength / 8);
    }

    /** Bits of one native frame, or -1 if the header lacks a size. */
    public static long nativeFrameBits(Attributes ds) {
        long rows = ds.getInt(Tag.Rows, 0) & 0xFFFFL;
        long columns = ds.getInt(Tag.Columns, 0) & 0xFFFFL;
        int samples = Math.max(1, ds.getInt(Tag.SamplesPerPixel, 1));
        int bitsAllocated = ds.getInt(Tag.BitsAllocated, 0);
        if (rows == 0 || columns == 0 || bitsAllocated <= 0) {
            return -1;
        }
        String photometric = ds.getString(Tag.PhotometricInterpretation, "");
        long pixels = rows * columns;
        if (photometric.endsWith("_422")) {
            return pixels * 2 * bitsAllocated;
        }
        if (photometric.endsWith("_420")) {
            return pixels * 3 / 2 * bitsAllocated;
        }
        return pixels * samples * bitsAllocated;
    }

    private static FrameTable ofNative(Attributes ds, NativePixelData pixelData, int frames) {
        FrameLocation[] locations = new FrameLocation[frames];
        String[] reasons = new String[frames];
        long frameBits = nativeFrameBits(ds);
        BulkData data = pixelData.data();
        if (frameBits <= 0) {
            Arrays.fill(reasons, "the header gives no frame size (Rows, Columns, Bits Allocated)");
            return new FrameTable(locations, reasons, "native");
        }
        for (int i = 0; i < frames; i++) {
            long startBit = i * frameBits;
            long start = startBit / 8;
            long length = (startBit % 8 + frameBits + 7) / 8;
            if (start + length > data.length()) {
                reasons[i] = "frame " + (i + 1) + " lies beyond the end of Pixel Data (" + data.length()
                        + " bytes for " + frames + " frames of " + (frameBits / 8) + " bytes)";
            } else if (start + length > data.available()) {
                long held = Math.max(0, data.available() - start);
                reasons[i] = "frame " + (i + 1) + " is cut short: the file holds " + held + " of its " + length
                        + " bytes";
            } else {
                locations[i] = new FrameLocation(i, List.of(new FrameLocation.Segment(data.offset() + start, length)),
                        (int) (startBit % 8));
            }
        }
        return new FrameTable(locations, reasons, "native");
    }

    private static FrameTable ofEncapsulated(Attributes ds, EncapsulatedPixelData pixelData, int frames,
                                             long streamLength) {
        List<Fragment> fragments = pixelData.fragments();
        int[] starts;
        String method;
        long[] extended = extendedOffsets(ds);
        if (!pixelData.scanned()) {
            starts = null;
            method = "not scanned";
        } else if (extended != null && extended.length == frames) {
            starts = startsFromOffsets(extended, fragments);
            method = "Extended Offset Table";
        } else if (pixelData.basicOffsetTable().length == frames && frames > 0) {
            starts = startsFromOffsets(pixelData.basicOffsetTable(), fragments);
            method = "Basic Offset Table";
        } else if (frames == 1) {
            starts = fragments.isEmpty() ? new int[0] : new int[] {0};
            method = "single frame";
        } else if (fragments.size() == frames && ds.getInt(Tag.NumberOfFrames, frames) == frames) {
            // Equal counts mean one fragment per frame only when the header says so: a count bounded down to
            // the fragments says nothing about where frames start.
            starts = new int[frames];
            for (int i = 0; i < frames; i++) {
                starts[i] = i;
            }
            method = "one fragment per frame";
        } else {
            starts = startsFromMarkers(fragments);
            method = "codestream start markers";
        }
        FrameLocation[] locations = new FrameLocation[frames];
        String[] reasons = new String[frames];
        for (int i = 0; i < frames; i++) {
            if (starts == null) {
                reasons[i] = "pixel data fragments were not read (header only)";
                continue;
            }
            if (i >= starts.length) {
                reasons[i] = "frame " + (i + 1) + " has no fragment: " + fragments.size() + " fragments"
                        + (pixelData.complete() ? "" : " (the file is truncated)") + " hold " + starts.length
                        + " frames, located by " + method;
                continue;
            }
            int from = starts[i];
            int to = i + 1 < starts.length ? starts[i + 1] : fragments.size();
            if (from < 0 || to <= from) {
                reasons[i] = "the " + method + " gives no fragment for frame " + (i + 1);
                continue;
            }
            List<FrameLocation.Segment> segments = new ArrayList<>(to - from);
            String cut = null;
            for (int f = from; f < to; f++) {
                Fragment fragment = fragments.get(f);
                if (fragment.offset() + fragment.length() > streamLength) {
                    cut = "frame " + (i + 1) + " is cut short: the file ends inside fragment " + (f + 1);
                    break;
                }
                segments.add(new FrameLocation.Segment(fragment.offset(), fragment.length()));
            }
            if (cut != null) {
                reasons[i] = cut;
            } else {
                locations[i] = new FrameLocation(i, List.copyOf(segments), 0);
            }
        }
        return new FrameTable(locations, reasons, method);
    }

    private static long[] extendedOffsets(Attributes ds) {
        byte[] b = ds.getBytes(Tag.ExtendedOffsetTable);
        if (b == null || b.length % 8 != 0 || b.length == 0) {
            return null;
        }
        long[] offsets = new long[b.length / 8];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = Bytes.int64(b, 8 * i, ds.bigEndian());
        }
        return offsets;
    }

    /** Maps offsets (from the first fragment item) to fragment indexes; -1 where no fragment starts there. */
    private static int[] startsFromOffsets(long[] offsets, List<Fragment> fragments) {
        int[] starts = new int[offsets.length];
        int f = 0;
        for (int i = 0; i < offsets.length; i++) {
            while (f < fragments.size() && fragments.get(f).itemOffset() < offsets[i]) {
                f++;
            }
            starts[i] = f < fragments.size() && fragments.get(f).itemOffset() == offsets[i] ? f : -1;
        }
        return starts;
    }

    private static int[] startsFromMarkers(List<Fragment> fragments) {
        int[] starts = new int[fragments.size()];
        int n = 0;
        for (int f = 0; f < fragments.size(); f++) {
            Fragment fragment = fragments.get(f);
            if (fragment.startsJpeg() || fragment.startsJpeg2000()) {
                starts[n++] = f;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    public int size() {
        return locations.length;
    }

    /** How frames were located, e.g. "Basic Offset Table" or "codestream start markers". */
    public String method() {
        return method;
    }

    public boolean isLocated(int frameIndex) {
        return locations[frameIndex] != null;
    }

    /** The location of frame {@code frameIndex} (0-based); a {@link DicomException} says why it has none. */
    public FrameLocation get(int frameIndex) throws DicomException {
        if (frameIndex < 0 || frameIndex >= locations.length) {
            throw new DicomException("there is no frame " + (frameIndex + 1) + " (the file has " + locations.length
                    + ")");
        }
        FrameLocation location = locations[frameIndex];
        if (location == null) {
            throw new DicomException(reasons[frameIndex]);
        }
        return location;
    }
}
