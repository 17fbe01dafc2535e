package org.sonocine.imaging.jpeg2000;

import org.sonocine.imaging.codec.DecodeException;

/** Reads one marker segment's parameters (big-endian), failing with the segment's name when they run out. */
final class SegmentReader {
    private final byte[] b;
    private final String name;
    private final int end;
    private int pos;

    /** The segment whose parameters are bytes {@code from} to {@code to} − 1. */
    SegmentReader(byte[] b, int from, int to, String name) {
        this.b = b;
        this.pos = from;
        this.end = to;
        this.name = name;
    }

    int u8() throws DecodeException {
        need(1);
        return b[pos++] & 0xFF;
    }

    int u16() throws DecodeException {
        need(2);
        int v = ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    long u32() throws DecodeException {
        need(4);
        long v = ((long) (b[pos] & 0xFF) << 24) | ((b[pos + 1] & 0xFF) << 16) | ((b[pos + 2] & 0xFF) << 8)
                | (b[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return end - pos;
    }

    void requireEnd() throws DecodeException {
        if (pos != end) {
            throw fail("has " + (end - pos) + " bytes more than its parameters");
        }
    }

    DecodeException fail(String what) {
        return new DecodeException("the JPEG 2000 " + name + " segment " + what);
    }

    private void need(int n) throws DecodeException {
        if (pos + n > end) {
            throw fail("ends before its parameters do");
        }
    }
}
