package org.sonocine.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * A stream to an export's output whose failures say so ({@link OutputException}), so that where reading the input
 * and writing the output are interleaved, a full disk is not reported as a broken input, nor the reverse.
 */
final class OutputFailures extends FilterOutputStream {
    private final Path target;

    OutputFailures(OutputStream out, Path target) {
        super(out);
        this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw new OutputException(target, e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw new OutputException(target, e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw new OutputException(target, e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } catch (IOException e) {
            throw new OutputException(target, e);
        }
    }
}
