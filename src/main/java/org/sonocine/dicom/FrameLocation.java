package org.sonocine.dicom;

import java.util.List;

/**
 * Where the bytes of one frame lie in the data stream: one segment for native pixel data, one per fragment for
 * encapsulated pixel data. {@code bitOffset} is non-zero only for 1-bit native data, whose frames need not start
 * on a byte boundary.
 */
public record FrameLocation(int frameIndex, List<Segment> segments, int bitOffset) {

    /** A run of {@code length} bytes at {@code offset} of the data stream. */
    public record Segment(long offset, long length) {
    }

    public long totalLength() {
        long total = 0;
        for (Segment s : segments) {
            total += s.length();
        }
        return total;
    }
}
