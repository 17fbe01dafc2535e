package org.sonocine.export;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An output written beside its target under a temporary name and moved into place only when complete, so that a
 * failed or cancelled export leaves nothing half-written where the user looks. Closing without {@link #commit()}
 * removes it, and so does the end of the program (Ctrl-C, a kill) while it is still open.
 */
final class PendingOutput implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PendingOutput> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(PendingOutput::discardUnfinished, "unfinished exports"));
    }

    private final Path target;
    private final Path temporary;
    private volatile boolean committed;

    private PendingOutput(Path target, Path temporary) {
        this.target = target;
        this.temporary = temporary;
        OPEN.add(this);
    }

    /**
     * Removes every output still pending. The export goes on writing frames while the program ends, so a folder
     * may gain a frame as it is emptied: it is tried again a few times, then left.
     */
    static void discardUnfinished() {
        for (PendingOutput pending : OPEN) {
            for (int attempt = 0; attempt < 20 && Files.exists(pending.temporary); attempt++) {
                try {
                    pending.close();
                } catch (IOException e) {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }
        }
    }

    /**
     * A temporary file in {@code target}'s folder.
     *
     * @throws OutputException when {@code target} exists and is not a file (a folder, a device, a pipe), which the
     *                         finished file would replace
     */
    static PendingOutput file(Path target) throws IOException {
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            throw new OutputException(target + " is not a regular file: choose another name");
        }
        Path folder = parentOf(target);
        Files.createDirectories(folder);
        return new PendingOutput(target, create(folder, target, false));
    }

    /** A temporary folder beside {@code target}, which becomes {@code target} (or is merged into it) at the end. */
    static PendingOutput folder(Path target) throws IOException {
        Path folder = parentOf(target);
        Files.createDirectories(folder);
        return new PendingOutput(target, create(folder, target, true));
    }

    /**
     * A new hidden name beside the target. Not {@code Files.createTemp*}: those are private to the owner, and the
     * export should end up readable as any file the user saves.
     */
    private static Path create(Path folder, Path target, boolean directory) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path path = folder.resolve("." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong())
                    + ".partial");
            try {
                return directory ? Files.createDirectory(path) : Files.createFile(path);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 9) {
                    throw e;
                }
            }
        }
    }

    private static Path parentOf(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null) {
            throw new IllegalArgumentException(target + " has no folder to write into");
        }
        return parent;
    }

    Path path() {
        return temporary;
    }

    void commit() throws IOException {
        if (Files.isDirectory(temporary)) {
            commitFolder();
        } else {
            move(temporary, target);
        }
        committed = true;
    }

    /**
     * An existing target folder keeps its other files; frames of the same names are replaced. Every name is
     * checked before the first is moved, so that a folder in the way of one frame does not leave the others
     * half merged.
     */
    private void commitFolder() throws IOException {
        if (!Files.exists(target)) {
            move(temporary, target);
            return;
        }
        List<Path> files;
        try (var listing = Files.list(temporary)) {
            files = listing.toList();
        }
        for (Path file : files) {
            Path replaced = target.resolve(file.getFileName().toString());
            if (Files.exists(replaced) && !Files.isRegularFile(replaced)) {
                throw new OutputException(replaced + " is not a regular file: choose another folder");
            }
        }
        for (Path file : files) {
            move(file, target.resolve(file.getFileName().toString()));
        }
        Files.delete(temporary);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException | DirectoryNotEmptyException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() throws IOException {
        OPEN.remove(this);
        if (!committed && Files.exists(temporary)) {
            Files.walkFileTree(temporary, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
    }
}
