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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The files a scan examines: every regular file under the folders given, the files a DICOMDIR given references,
 * and files given by name. Symbolic links are followed, as a file manager does; a folder or file reached again
 * through another link is listed once, and a link back into its own folder is not walked. Folders that cannot be
 * read and DICOMDIRs that cannot be read are failures; what is wrong inside a readable DICOMDIR is a warning.
 */
final class ExamFiles {
    private final ScanListener listener;
    private final BooleanSupplier cancelled;
    private final Set<Path> files = new LinkedHashSet<>();
    private final Set<Object> seen = new HashSet<>();
    private final List<ScanSummary.Failure> failures = new ArrayList<>();
    private final List<ScanSummary.Warning> warnings = new ArrayList<>();

    private ExamFiles(ScanListener listener, BooleanSupplier cancelled) {
        this.listener = listener;
        this.cancelled = cancelled;
    }

    /** Lists the files under {@code roots}, telling {@code listener} of failures and warnings as they are met. */
    static ExamFiles list(List<Path> roots, ScanListener listener, BooleanSupplier cancelled) {
        ExamFiles listing = new ExamFiles(listener, cancelled);
        for (Path root : roots) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            listing.add(root);
        }
        return listing;
    }

    List<Path> files() {
        return List.copyOf(files);
    }

    List<ScanSummary.Failure> failures() {
        return failures;
    }

    List<ScanSummary.Warning> warnings() {
        return warnings;
    }

    private void add(Path root) {
        if (Files.isDirectory(root)) {
            walk(root);
        } else if (root.getFileName() != null && root.getFileName().toString().equalsIgnoreCase("DICOMDIR")) {
            readDirectory(root);
        } else {
            files.add(root);
        }
    }

    private void walk(Path root) {
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), 64, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!firstVisit(attrs)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return cancelled.getAsBoolean() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && firstVisit(attrs)) {
                        files.add(file);
                    }
                    return cancelled.getAsBoolean() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    // A link back into a folder being walked is shown but not entered, as file managers do.
                    if (!(exc instanceof FileSystemLoopException)) {
                        fail(file, exc);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                    if (exc != null) {
                        fail(dir, exc);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            fail(root, e);
        }
    }

    /** Whether this folder or file has not been met before through another path; unknown identity counts as new. */
    private boolean firstVisit(BasicFileAttributes attrs) {
        Object key = attrs.fileKey();
        return key == null || seen.add(key);
    }

    private void readDirectory(Path dicomdir) {
        try {
            DicomDirectory directory = DicomDirectory.read(dicomdir);
            files.addAll(directory.referencedFiles());
            for (String problem : directory.problems()) {
                warnings.add(new ScanSummary.Warning(dicomdir, problem));
                listener.warned(dicomdir, problem);
            }
        } catch (IOException | RuntimeException | Error e) {
            ExamScanner.rethrowIfFatal(e);
            fail(dicomdir, e);
        }
    }

    private void fail(Path file, Throwable e) {
        String reason = FailureReason.of(file, e);
        failures.add(new ScanSummary.Failure(file, reason));
        listener.failed(file, reason);
    }
}
