package org.sonocine.study;

import org.sonocine.dicom.DicomDirectory;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Walks what a scan was given and hands each file to examine to a {@link Sink} as soon as it is met, so files are
 * examined while folders are still being listed: every regular file under the folders given, the files a DICOMDIR
 * given references, and files given by name. Symbolic links are followed, as a file manager does; a folder or file
 * reached again, through another link or another root (a folder and a DICOMDIR inside it), is handed over once, and
 * a link back into its own folder is not walked.
 * Folders that cannot be read and DICOMDIRs that cannot be read are failures; what is wrong inside a readable
 * DICOMDIR is a warning. The walk stops between two entries once {@code cancelled} says so.
 */
final class ExamFiles {
    /** Where the walk delivers what it meets; called on the walking thread. */
    interface Sink {
        /** A file to examine, with its attributes as the walk read them, or null when it could not. */
        void file(Path file, BasicFileAttributes attributes);

        void failed(Path file, Throwable failure);

        void warned(Path source, String message);
    }

    private final Sink sink;
    private final BooleanSupplier cancelled;
    /** The folders and files met so far, by their identity in the file system, or their real path if it has none. */
    private final Set<Object> seen = new HashSet<>();

    private ExamFiles(Sink sink, BooleanSupplier cancelled) {
        this.sink = sink;
        this.cancelled = cancelled;
    }

    /** Walks {@code roots} in order, handing every file to {@code sink} once. */
    static void walk(List<Path> roots, Sink sink, BooleanSupplier cancelled) {
        ExamFiles walk = new ExamFiles(sink, cancelled);
        for (Path root : roots) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            walk.add(root);
        }
    }

    /** Whether {@code file} is named as a DICOMDIR is, which makes it an index of other files. */
    static boolean isNamedDicomdir(Path file) {
        return file.getFileName() != null && file.getFileName().toString().equalsIgnoreCase("DICOMDIR");
    }

    private void add(Path root) {
        if (Files.isDirectory(root)) {
            walkFolder(root);
        } else if (isNamedDicomdir(root)) {
            readDirectory(root);
        } else {
            deliver(root);
        }
    }

    private void deliver(Path file) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            attrs = null; // examining it will say why it cannot be read
        }
        deliver(file, attrs);
    }

    private void deliver(Path file, BasicFileAttributes attrs) {
        if (seen.add(identity(file, attrs))) {
            sink.file(file, attrs);
        }
    }

    private static Object identity(Path file, BasicFileAttributes attrs) {
        Object key = attrs == null ? null : attrs.fileKey();
        if (key != null) {
            return key;
        }
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    private void walkFolder(Path root) {
        try {
            // Set.of, not EnumSet.of: an enum set finds its enum's constants by reflection, before the first file
            Files.walkFileTree(root, Set.of(FileVisitOption.FOLLOW_LINKS), 64, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!firstVisit(attrs)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return cancelled.getAsBoolean() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    // Followed links come with their target's attributes: a link still seen as a link leads
                    // nowhere (its target is gone, or links lead round in a circle), and examining it says so,
                    // as it does for the same link given by name.
                    if (attrs.isRegularFile() || attrs.isSymbolicLink()) {
                        deliver(file, attrs);
                    }
                    return cancelled.getAsBoolean() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    // A link back into a folder being walked is shown but not entered, as file managers do.
                    if (!(exc instanceof FileSystemLoopException)) {
                        sink.failed(file, exc);
                    }
                    return cancelled.getAsBoolean() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                    if (exc != null) {
                        sink.failed(dir, exc);
                    }
                    return cancelled.getAsBoolean() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            sink.failed(root, e);
        }
    }

    /** Whether this folder has not been met before through another path; unknown identity counts as new. */
    private boolean firstVisit(BasicFileAttributes attrs) {
        Object key = attrs.fileKey();
        return key == null || seen.add(key);
    }

    private void readDirectory(Path dicomdir) {
        DicomDirectory directory;
        try {
            directory = DicomDirectory.read(dicomdir);
        } catch (IOException | RuntimeException | Error e) {
            ExamScanner.rethrowIfFatal(e);
            sink.failed(dicomdir, e);
            return;
        }
        for (String problem : directory.problems()) {
            sink.warned(dicomdir, problem);
        }
        for (Path file : directory.referencedFiles()) {
            if (cancelled.getAsBoolean()) {
                return;
            }
            deliver(file);
        }
    }
}
