package org.sonocine.dicom;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * A buffered byte source that knows its absolute position and its length, so that a declared value length can
 * be checked before anything is allocated. Reads 16- and 32-bit numbers in either
 * byte order. Not thread-safe.
 */
final class DicomInput {
    private static final int BUFFER = 16 * 1024;
    /**
     * For reading a header only: most end within a few kilobytes, and a folder scan reads thousands of them, so a
     * smaller buffer saves copying and garbage (it grows where a value needs more).
     */
    static final int HEADER_BUFFER = 4 * 1024;
    /** The largest buffer a thread keeps for its next header read. */
    private static final int MAX_SPARE = 64 * 1024;
    /**
     * Each thread's header buffer between two header reads: a folder scan reads thousands of headers, and a buffer
     * of its own for each would be most of what the scan allocates.
     */
    private static final ThreadLocal<byte[]> SPARE = new ThreadLocal<>();

    private final InputStream in;
    private byte[] buf;
    private int pos;
    private int limit;
    /** Absolute stream position of buf[0]. */
    private long bufStart;
    private final long length;
    /** For a source of unknown length that may give at most {@code length} bytes: the failure past that. */
    private final Supplier<DicomException> pastLimit;
    private boolean bigEndian;

    /** Reads {@code in}, whose total length is {@code length} bytes. */
    DicomInput(InputStream in, long length) {
        this(in, length, null, BUFFER);
    }

    /** Reads {@code in}, whose total length is {@code length} bytes, {@code buffer} bytes at a time at first. */
    DicomInput(InputStream in, long length, int buffer) {
        this(in, length, null, buffer);
    }

    private DicomInput(InputStream in, long length, Supplier<DicomException> pastLimit, int buffer) {
        this(in, length, pastLimit, new byte[buffer]);
    }

    private DicomInput(InputStream in, long length, Supplier<DicomException> pastLimit, byte[] buffer) {
        this.in = in;
        this.buf = buffer;
        this.length = length;
        this.pastLimit = pastLimit;
    }

    /**
     * Reads the header in {@code in}, whose total length is {@code length} bytes, in the buffer this thread keeps
     * for header reads (lent to this input until {@link #release}, so that a read nested in it has one of its own).
     */
    static DicomInput forHeader(InputStream in, long length) {
        byte[] spare = SPARE.get();
        if (spare == null) {
            spare = new byte[HEADER_BUFFER];
        } else {
            SPARE.set(null);
        }
        return new DicomInput(in, length, null, spare);
    }

    /** Gives the buffer of {@link #forHeader} back for the thread's next header read; this input is done. */
    void release() {
        if (buf.length <= MAX_SPARE) {
            SPARE.set(buf);
        }
        buf = null;
    }

    /**
     * Reads {@code in}, whose length is not known but that gives at most {@code most} bytes (an inflating
     * stream): a value declared to reach beyond that fails with {@code pastLimit}'s exception, not as a
     * truncated file.
     */
    static DicomInput upTo(InputStream in, long most, Supplier<DicomException> pastLimit) {
        return new DicomInput(in, most, pastLimit, BUFFER);
    }

    /** Whether the source's length is known, so that a length beyond it means the data is cut short. */
    boolean lengthKnown() {
        return pastLimit == null;
    }

    /** The failure for a value that reaches beyond the end: {@code truncated}, or the limit of an unknown length. */
    DicomException beyondEnd(String truncated) {
        return pastLimit != null ? pastLimit.get() : new DicomException(truncated);
    }

    /** Reads a byte array; positions are indexes into it. */
    DicomInput(byte[] data, int offset, int length) {
        this.in = null;
        this.buf = data;
        this.pos = offset;
        this.limit = offset + length;
        this.bufStart = 0;
        this.length = offset + length;
        this.pastLimit = null;
    }

    void bigEndian(boolean bigEndian) {
        this.bigEndian = bigEndian;
    }

    boolean bigEndian() {
        return bigEndian;
    }

    long position() {
        return bufStart + pos;
    }

    /** Total length of the source. */
    long length() {
        return length;
    }

    /** Bytes left before the end of the source. */
    long remaining() {
        return length - position();
    }

    /** Makes at least {@code n} bytes available in the buffer; returns false at end of input. */
    boolean request(int n) throws IOException {
        if (limit - pos >= n) {
            return true;
        }
        if (in == null) {
            return false;
        }
        if (buf.length < n) {
            byte[] bigger = new byte[Math.max(n, buf.length * 2)];
            System.arraycopy(buf, pos, bigger, 0, limit - pos);
            buf = bigger;
        } else {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
        }
        bufStart += pos;
        limit -= pos;
        pos = 0;
        while (limit < n) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                return false;
            }
            limit += r;
        }
        return true;
    }

    private void require(int n) throws IOException {
        if (!request(n)) {
            throw new EOFException("unexpected end of data at byte " + (position() + (limit - pos)));
        }
    }

    /** Looks at the byte {@code ahead} bytes from here without consuming it; -1 at end of input. */
    int peek(int ahead) throws IOException {
        return request(ahead + 1) ? buf[pos + ahead] & 0xFF : -1;
    }

    int u8() throws IOException {
        require(1);
        return buf[pos++] & 0xFF;
    }

    int u16() throws IOException {
        require(2);
        int v = bigEndian ? ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF)
                : (buf[pos] & 0xFF) | ((buf[pos + 1] & 0xFF) << 8);
        pos += 2;
        return v;
    }

    /** A 32-bit number as an int (callers treat lengths as unsigned). */
    int i32() throws IOException {
        require(4);
        int v = Bytes.int32(buf, pos, bigEndian);
        pos += 4;
        return v;
    }

    /** Reads a tag: group then element, each 16-bit in the current byte order. */
    int tag() throws IOException {
        require(4);
        int group = bigEndian ? ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF)
                : (buf[pos] & 0xFF) | ((buf[pos + 1] & 0xFF) << 8);
        int element = bigEndian ? ((buf[pos + 2] & 0xFF) << 8) | (buf[pos + 3] & 0xFF)
                : (buf[pos + 2] & 0xFF) | ((buf[pos + 3] & 0xFF) << 8);
        pos += 4;
        return (group << 16) | element;
    }

    /** Two bytes as a big-endian number, the form of a VR code. */
    int vrCode() throws IOException {
        require(2);
        int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    /** Steps back over bytes just read (at most what is still in the buffer). */
    void unread(int n) {
        if (n > pos) {
            throw new IllegalStateException("cannot step back " + n + " bytes");
        }
        pos -= n;
    }

    /** Reads exactly {@code n} bytes; a length beyond the end of the source fails before anything is allocated. */
    byte[] readBytes(int n) throws IOException {
        if (n <= limit - pos) {
            byte[] out = new byte[n];
            System.arraycopy(buf, pos, out, 0, n);
            pos += n;
            return out;
        }
        if (n > remaining()) {
            if (pastLimit != null) {
                throw pastLimit.get();
            }
            throw new EOFException("unexpected end of data: " + n + " bytes wanted at byte " + position()
                    + ", " + remaining() + " left");
        }
        byte[] out = new byte[n];
        int filled = 0;
        while (filled < n) {
            int available = limit - pos;
            if (available == 0) {
                if (in == null) {
                    throw new EOFException("unexpected end of data at byte " + position());
                }
                int want = out.length - filled;
                if (want >= buf.length) {
                    int r = in.read(out, filled, want);
                    if (r < 0) {
                        throw new EOFException("unexpected end of data at byte " + position());
                    }
                    filled += r;
                    bufStart += r;
                    continue;
                }
                require(1);
                available = limit - pos;
            }
            int take = Math.min(available, out.length - filled);
            System.arraycopy(buf, pos, out, filled, take);
            pos += take;
            filled += take;
        }
        return out;
    }

    /**
     * Reads past a value of {@code n} bytes that is not kept, failing where {@link #readBytes} would: past a value
     * held in the buffer it merely moves on, and a value reaching beyond the buffer is read as {@code readBytes}
     * reads it.
     */
    void skipValue(int n) throws IOException {
        if (n >= 0 && n <= limit - pos) {
            pos += n;
            return;
        }
        readBytes(n);
    }

    /** Skips {@code n} bytes; false if the input ended first. */
    boolean skip(long n) throws IOException {
        long inBuffer = limit - pos;
        if (n <= inBuffer) {
            pos += (int) n;
            return true;
        }
        if (in == null) {
            pos = limit;
            return false;
        }
        long toSkip = n - inBuffer;
        bufStart += limit;
        pos = 0;
        limit = 0;
        if (bufStart + toSkip > length) {
            long possible = length - bufStart;
            skipFully(possible);
            return false;
        }
        skipFully(toSkip);
        return true;
    }

    private void skipFully(long n) throws IOException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) {
                    bufStart += n - left;
                    throw new EOFException("unexpected end of data at byte " + bufStart);
                }
                s = 1;
            }
            left -= s;
        }
        bufStart += n;
    }

    /** The remaining source as a stream: the buffered bytes first, then the rest of the underlying stream. */
    InputStream rest() {
        byte[] buffered = java.util.Arrays.copyOfRange(buf, pos, limit);
        InputStream head = new java.io.ByteArrayInputStream(buffered);
        return in == null ? head : new java.io.SequenceInputStream(head, in);
    }
}
