package org.sonocine.imaging.jpeg;

import org.sonocine.imaging.codec.DecodeException;

/**
 * Walks the marker structure of a codestream. Markers are found the way libjpeg finds them: fill bytes (0xFF
 * runs) are skipped, and so are stray bytes between segments, which libjpeg only warns about.
 */
final class Codestream {
    private final byte[] data;
    private final int end;
    private int pos;

    Codestream(byte[] data, int offset, int length) {
        this.data = data;
        this.pos = offset;
        this.end = offset + length;
    }

    /** Index of the next marker code byte at or after {@code from} (FF 00 is data, not a marker), or -1. */
    static int findMarker(byte[] data, int from, int end) {
        int p = from;
        while (true) {
            while (p < end && data[p] != (byte) 0xFF) {
                p++;
            }
            while (p < end && data[p] == (byte) 0xFF) {
                p++;
            }
            if (p >= end) {
                return -1;
            }
            if (data[p] != 0) {
                return p;
            }
            p++;
        }
    }

    int position() {
        return pos;
    }

    int end() {
        return end;
    }

    void resumeAt(int position) {
        pos = position;
    }

    void expectStartOfImage() throws DecodeException {
        if (end - pos < 2 || data[pos] != (byte) 0xFF || data[pos + 1] != (byte) Marker.SOI) {
            throw new DecodeException("not a JPEG codestream: it does not start with an SOI marker (FFD8)");
        }
        pos += 2;
    }

    /** The next marker's code, positioned after it, or -1 when the data ends first. */
    int nextMarker() {
        int p = findMarker(data, pos, end);
        if (p < 0) {
            pos = end;
            return -1;
        }
        pos = p + 1;
        return data[p] & 0xFF;
    }

    /** The segment that follows the marker just read (its length field included in the length). */
    Segment segment(int marker) throws DecodeException {
        if (end - pos < 2) {
            throw new DecodeException("JPEG data ends inside the " + Marker.name(marker) + " segment header");
        }
        int length = (data[pos] & 0xFF) << 8 | data[pos + 1] & 0xFF;
        if (length < 2) {
            throw new DecodeException(Marker.name(marker) + " segment has an invalid length of " + length);
        }
        if (length > end - pos) {
            throw new DecodeException("JPEG data ends inside the " + Marker.name(marker) + " segment ("
                    + length + " bytes declared, " + (end - pos) + " present)");
        }
        Segment segment = new Segment(marker, data, pos + 2, pos + length);
        pos += length;
        return segment;
    }
}
