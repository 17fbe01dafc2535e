package org.sonocine.dicom;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;

/**
 * A file read as a plain stream, for scans that read headers by the thousand: opening a {@link
 * java.nio.channels.FileChannel} costs each file more than reading its header does, in code a short command runs
 * before it is compiled. It behaves as a channel's stream where the difference could show: a read by an interrupted
 * thread fails with {@link ClosedByInterruptException} (a scan being stopped, not the file failing), and a skip
 * stops at the end of the file.
 */
final class HeaderFileStream extends FileInputStream {
    private HeaderFileStream(File file) throws FileNotFoundException {
        super(file);
    }

    /**
     * The file opened for reading, or null if it is not a regular file (any more) or cannot be opened: opening it
     * as a channel then says why, as ever. The walk that found the file regular may have done so a while ago, and
     * opening a named pipe put in its place would wait for a writer that may never come; asking through {@link
     * java.io.File} costs one system call, without the attribute objects that made the walk's answer worth reusing.
     */
    static HeaderFileStream openOrNull(Path file) {
        try {
            File asFile = file.toFile();
            if (!asFile.isFile()) {
                return null;
            }
            return new HeaderFileStream(asFile);
        } catch (FileNotFoundException | UnsupportedOperationException e) {
            return null;
        }
    }

    @Override
    public int read() throws IOException {
        failIfInterrupted();
        return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        failIfInterrupted();
        return super.read(b, off, len);
    }

    @Override
    public long skip(long n) throws IOException {
        failIfInterrupted();
        return super.skip(Math.min(n, Math.max(0, available())));
    }

    private static void failIfInterrupted() throws ClosedByInterruptException {
        if (Thread.currentThread().isInterrupted()) {
            throw new ClosedByInterruptException();
        }
    }
}
