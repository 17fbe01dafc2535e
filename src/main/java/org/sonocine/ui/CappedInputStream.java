package org.sonocine.ui;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails once more than a set number of bytes are read: a peer cannot make the reader take in without end. */
final class CappedInputStream extends FilterInputStream {
    private final long cap;
    private long left;

    CappedInputStream(InputStream in, long cap) {
        super(in);
        this.cap = cap;
        this.left = cap;
    }

    @Override
    public int read() throws IOException {
        checkLeft();
        int b = in.read();
        if (b >= 0) {
            left--;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        checkLeft();
        int read = in.read(buffer, offset, (int) Math.min(length, left));
        if (read > 0) {
            left -= read;
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        checkLeft();
        long skipped = in.skip(Math.min(n, left));
        left -= Math.max(skipped, 0);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void checkLeft() throws IOException {
        if (left <= 0) {
            throw new IOException("More than " + cap + " bytes sent");
        }
    }
}
