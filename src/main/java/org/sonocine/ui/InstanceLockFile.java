package org.sonocine.ui;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * The per-user file that records the running viewer's {@link InstanceAddress}, opened under an exclusive lock so
 * that two launches at the same moment take turns instead of both becoming the running viewer. It holds a
 * secret, so on POSIX systems only its owner may read it (on Windows the per-user folder already is private).
 */
final class InstanceLockFile implements AutoCloseable {
    private static final int MAX_SIZE = 4096;
    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLockFile(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Opens (creating it and its folder if needed) and locks the file; blocks while another launch holds it. */
    static InstanceLockFile open(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder, ownerOnly("rwx------"));
        }
        FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE), ownerOnly("rw-------"));
        try {
            if (isPosix()) {
                // The file may predate us with looser rights; the secret must not be readable by others.
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return new InstanceLockFile(channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    Optional<InstanceAddress> read() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), MAX_SIZE));
        int read;
        do {
            read = channel.read(buffer, buffer.position());
        } while (read > 0 && buffer.hasRemaining());
        return InstanceAddress.parse(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8));
    }

    void write(InstanceAddress address) throws IOException {
        channel.truncate(0);
        ByteBuffer bytes = ByteBuffer.wrap(address.format().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes, bytes.position());
        }
        channel.force(true);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        return isPosix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString(permissions))} : new FileAttribute<?>[0];
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
