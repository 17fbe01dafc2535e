package org.sonocine.dicom;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * A deflated data set (transfer syntax 1.2.840.10008.1.2.1.99) inflated as it is read, refusing to go beyond a
 * limit tied to the memory the reader has: a few hundred kilobytes of deflate can claim gigabytes. Read only as
 * far as it is needed (a header-only read stops at Pixel Data), it inflates no further.
 */
final class InflatingStream extends InputStream {
    /** A refusal of the deflated data itself, which ends the read whatever the reader would keep of it. */
    static final class Refused extends DicomException {
        Refused(String message) {
            super(message);
        }
    }

    private final Inflater inflater = new Inflater(true);
    private final InputStream inflated;
    private final long limit;
    private final long most;
    private long count;

    /** Inflates {@code compressed} up to {@code limit} bytes or a quarter of the heap, whichever is less. */
    InflatingStream(InputStream compressed, long limit) {
        this.inflated = new InflaterInputStream(compressed, inflater, 64 * 1024);
        this.limit = limit;
        this.most = Math.min(limit, Runtime.getRuntime().maxMemory() / 4);
    }

    /** The most bytes this stream gives. */
    long most() {
        return most;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = inflated.read(b, off, (int) Math.min(len, most + 1 - count));
        } catch (ZipException e) {
            throw new Refused("the deflated data set is corrupt (" + e.getMessage() + ")");
        } catch (EOFException e) {
            throw new EOFException("the deflated data set is cut short");
        }
        if (n > 0) {
            count += n;
            if (count > most) {
                throw tooLarge();
            }
        }
        return n;
    }

    /** The refusal once more than {@link #most} bytes would be inflated. */
    Refused tooLarge() {
        return new Refused("the deflated data set inflates to more than " + (most >> 20) + " MiB"
                + (most < limit ? ", more than Sonocine can hold in the memory it has" : "")
                + ": refusing to inflate further");
    }

    @Override
    public void close() throws IOException {
        try {
            inflated.close();
        } finally {
            inflater.end();
        }
    }
}
