package org.sonocine.imaging.jpeg;

import org.sonocine.imaging.codec.DecodeException;

/** The payload of one marker segment, read field by field; running past its declared length is an error. */
final class Segment {
    private final int marker;
    private final byte[] data;
    private int pos;
    private final int end;

    Segment(int marker, byte[] data, int from, int to) {
        this.marker = marker;
        this.data = data;
        this.pos = from;
        this.end = to;
    }

    int marker() {
        return marker;
    }

    int remaining() {
        return end - pos;
    }

    int u8() throws DecodeException {
        if (pos >= end) {
            throw new DecodeException(Marker.name(marker) + " segment is too short for its content");
        }
        return data[pos++] & 0xFF;
    }

    int u16() throws DecodeException {
        return u8() << 8 | u8();
    }
}
