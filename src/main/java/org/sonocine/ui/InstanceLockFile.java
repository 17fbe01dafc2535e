package org.sonocine.ui;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * The per-user file that records the running viewer's {@link InstanceAddress}. It holds a secret, so it lives in a
 * {@link PrivateFolder}, is readable by its owner only (on POSIX systems), and is never opened through a symbolic
 * link: a link put there would otherwise have Sonocine truncate whatever file it points to.
 *
 * <p>Two byte-range locks beyond the recorded text say who may do what:
 * <ul>
 * <li>the <em>turn</em>, held while a launch reads the file and decides, so that two launches at the same moment
 * take turns instead of both becoming the running viewer;</li>
 * <li>the <em>ownership</em>, held by the running viewer for as long as it runs. The system drops it when the viewer
 * ends, however it ends, so a launch that gets it knows for certain that the recorded viewer is gone, and a launch
 * that cannot get it knows that the viewer is alive and its record must stay, even when the viewer is too busy to
 * answer.</li>
 * </ul>
 * The ranges lie past any text the file holds because Windows forbids others to read a locked range. A process takes
 * them through one channel it keeps open: on POSIX systems closing any channel of a file drops all the process's
 * locks on it.
 */
final class InstanceLockFile implements AutoCloseable {
    private static final int MAX_SIZE = 4096;
    private static final long TURN = MAX_SIZE;
    private static final long TURN_WAIT_NANOS = 1_000_000_000L;
    private static final long OWNERSHIP = MAX_SIZE + 1;
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    private static final Set<OpenOption> OPEN = Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);

    private final FileChannel channel;
    private FileLock turn;
    private FileLock ownership;

    private InstanceLockFile(FileChannel channel, FileLock turn) {
        this.channel = channel;
        this.turn = turn;
    }

    /**
     * Opens (creating it and its private folder if needed) the file and takes the turn; blocks while another launch
     * has it, which is never for longer than reading and writing this file.
     */
    static InstanceLockFile open(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        PrivateFolder.ensure(absolute.getParent());
        if (Files.isSymbolicLink(absolute)) {
            throw new IOException(absolute + " is a symbolic link; Sonocine does not follow links to its lock file");
        }
        // NOFOLLOW_LINKS too: the check above gives the message, this refuses a link that appears in between.
        FileChannel channel = FileChannel.open(absolute, OPEN, ownerOnly(absolute.getFileSystem()));
        try {
            if (PrivateFolder.isPosix(absolute.getFileSystem())) {
                // The file may predate us with looser rights; the secret must not be readable by others.
                Files.getFileAttributeView(absolute, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                        .setPermissions(OWNER_READ_WRITE);
            }
            return new InstanceLockFile(channel, takeTurn(channel, absolute));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Waits at most a second for the turn: a launch that stopped while holding it (or a file system that hangs)
     * must not keep every later launch from opening a window.
     */
    private static FileLock takeTurn(FileChannel channel, Path file) throws IOException {
        long giveUp = System.nanoTime() + TURN_WAIT_NANOS;
        while (true) {
            FileLock turn;
            try {
                turn = channel.tryLock(TURN, 1, false);
            } catch (OverlappingFileLockException e) {
                turn = null; // another launch in this same process (tests run several) has the turn
            }
            if (turn != null) {
                return turn;
            }
            if (System.nanoTime() > giveUp) {
                throw new IOException("another launch has held " + file + " for more than a second");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + file, e);
            }
        }
    }

    /**
     * Takes the ownership if no running viewer holds it: true means that this launch is now the one to become the
     * viewer, false that a viewer is alive.
     */
    boolean claim() throws IOException {
        if (ownership == null) {
            try {
                ownership = channel.tryLock(OWNERSHIP, 1, false);
            } catch (OverlappingFileLockException e) {
                // A viewer in this same process (tests run several) owns it.
                return false;
            }
        }
        return ownership != null;
    }

    Optional<InstanceAddress> read() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), MAX_SIZE));
        int read;
        do {
            read = channel.read(buffer, buffer.position());
        } while (read > 0 && buffer.hasRemaining());
        return InstanceAddress.parse(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8));
    }

    /** Records where this launch, now the viewer, listens; only the owner may. */
    void record(InstanceAddress address) throws IOException {
        if (ownership == null) {
            throw new IllegalStateException("only the owner of the lock file records its address");
        }
        channel.truncate(0);
        ByteBuffer bytes = ByteBuffer.wrap(address.format().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes, bytes.position());
        }
        channel.force(true);
    }

    /** Lets the next launch read the file; the ownership, if taken, stays until {@link #close}. */
    void endTurn() throws IOException {
        if (turn != null) {
            turn.release();
            turn = null;
        }
    }

    /** Releases the turn and the ownership: a launch after this one may take the file over. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // The locks go with the process at the latest. The logger is made only now: starting the logging back
            // end would cost every launch some 40 ms.
            System.getLogger(InstanceLockFile.class.getName()).log(System.Logger.Level.DEBUG,
                    "Closing the instance lock file failed", e);
        }
    }

    private static FileAttribute<?>[] ownerOnly(FileSystem fs) {
        return PrivateFolder.isPosix(fs)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE)}
                : new FileAttribute<?>[0];
    }
}
