package org.sonocine.study;

import org.sonocine.dicom.DicomDirectory;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.NotDicomException;
import org.sonocine.dicom.ReadOptions;
import org.sonocine.dicom.Tag;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Scans files, folders and DICOMDIRs for DICOM instances, reading headers only (up to Pixel Data), on a few
 * threads. Files that are not DICOM are counted and skipped; unreadable DICOM files are reported with their
 * reason; nothing stops the rest of the scan. Files are opened read-only.
 */
public final class ExamScanner {
    private final int threads;

    public ExamScanner(int threads) {
        this.threads = Math.max(1, threads);
    }

    public ExamScanner() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** Scans {@code roots} until done or {@code cancelled} says stop; reports as it goes. */
    public ScanSummary scan(List<Path> roots, ScanListener listener, BooleanSupplier cancelled) throws IOException {
        long start = System.nanoTime();
        List<Path> files = new ArrayList<>(listFiles(roots, cancelled));
        ExamTree tree = new ExamTree();
        List<ScanSummary.Failure> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger skipped = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        Object lock = new Object();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "exam-scanner");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while (!cancelled.getAsBoolean() && (i = next.getAndIncrement()) < files.size()) {
                        Path file = files.get(i);
                        Outcome outcome = examine(file);
                        synchronized (lock) {
                            switch (outcome.kind) {
                                case INSTANCE -> {
                                    tree.add(outcome.entry);
                                    listener.found(outcome.entry);
                                    if (!outcome.entry.isIntact()) {
                                        failures.add(new ScanSummary.Failure(file, outcome.entry.problem()));
                                        listener.failed(file, outcome.entry.problem());
                                    }
                                }
                                case SKIPPED -> {
                                    skipped.incrementAndGet();
                                    listener.skipped(file);
                                }
                                case FAILED -> {
                                    failures.add(new ScanSummary.Failure(file, outcome.reason));
                                    listener.failed(file, outcome.reason);
                                }
                            }
                            listener.progress(done.incrementAndGet(), files.size());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("scan interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("scan failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new ScanSummary(tree, done.get(), skipped.get(), List.copyOf(failures), seconds,
                cancelled.getAsBoolean());
    }

    private enum Kind { INSTANCE, SKIPPED, FAILED }

    private record Outcome(Kind kind, InstanceEntry entry, String reason) {
    }

    private static Outcome examine(Path file) {
        try (DicomFile dicom = DicomFile.openLenient(file, ReadOptions.HEADER_ONLY)) {
            if ("1.2.840.10008.1.3.10".equals(dicom.fileMeta().getString(Tag.MediaStorageSOPClassUID))) {
                return new Outcome(Kind.SKIPPED, null, null);
            }
            return new Outcome(Kind.INSTANCE, InstanceEntry.of(file, dicom), null);
        } catch (NotDicomException e) {
            return new Outcome(Kind.SKIPPED, null, null);
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() != null ? e.getMessage() : e.toString();
            return new Outcome(Kind.FAILED, null, message);
        }
    }

    /**
     * Every regular file under the roots; a DICOMDIR given as a root stands for the files it references. Symbolic
     * links are followed, as a file manager does (a folder reached again through a link is not walked twice).
     */
    private static Set<Path> listFiles(List<Path> roots, BooleanSupplier cancelled) throws IOException {
        Set<Path> files = new LinkedHashSet<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), 64, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile()) {
                            files.add(file);
                        }
                        return cancelled.getAsBoolean() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) {
                        return FileVisitResult.CONTINUE;
                    }
                });
            } else if (root.getFileName() != null && root.getFileName().toString().equalsIgnoreCase("DICOMDIR")) {
                files.addAll(DicomDirectory.read(root).referencedFiles());
            } else {
                files.add(root);
            }
        }
        return files;
    }
}
