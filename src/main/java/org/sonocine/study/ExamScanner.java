package org.sonocine.study;

import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.NotDicomException;
import org.sonocine.dicom.ReadOptions;
import org.sonocine.dicom.Tag;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Scans files, folders and DICOMDIRs for DICOM instances, reading headers only (up to Pixel Data), on a few
 * threads. Files that are not DICOM are counted and skipped; unreadable files are reported with their reason;
 * nothing that goes wrong with one file stops the rest of the scan. Files are opened read-only.
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
        ExamFiles listing = ExamFiles.list(roots, listener, cancelled);
        List<Path> files = listing.files();
        ExamTree tree = new ExamTree();
        List<ScanSummary.Failure> failures = Collections.synchronizedList(new ArrayList<>(listing.failures()));
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
        } catch (ExecutionException e) {
            // Only a fatal condition of the machine, or a listener's own failure, gets here: files fail alone.
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("scan failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new ScanSummary(tree, done.get(), skipped.get(), List.copyOf(failures),
                List.copyOf(listing.warnings()), seconds, cancelled.getAsBoolean());
    }

    private enum Kind { INSTANCE, SKIPPED, FAILED }

    private record Outcome(Kind kind, InstanceEntry entry, String reason) {
    }

    /** Reads one file's header; whatever goes wrong with it is this file's failure and the scan goes on. */
    private static Outcome examine(Path file) {
        try (DicomFile dicom = DicomFile.openLenient(file, ReadOptions.HEADER_ONLY)) {
            if ("1.2.840.10008.1.3.10".equals(dicom.fileMeta().getString(Tag.MediaStorageSOPClassUID))) {
                return new Outcome(Kind.SKIPPED, null, null);
            }
            return new Outcome(Kind.INSTANCE, InstanceEntry.of(file, dicom), null);
        } catch (NotDicomException e) {
            return new Outcome(Kind.SKIPPED, null, null);
        } catch (IOException | RuntimeException | Error e) {
            rethrowIfFatal(e);
            return new Outcome(Kind.FAILED, null, FailureReason.of(file, e));
        }
    }

    /**
     * Lets through the failures no single file can be blamed for (the machine itself failing). Running out of
     * heap or stack on one file is that file's failure: unwinding releases what the failed attempt held.
     */
    static void rethrowIfFatal(Throwable failure) {
        if (failure instanceof VirtualMachineError fatal && !(fatal instanceof OutOfMemoryError)
                && !(fatal instanceof StackOverflowError)) {
            throw fatal;
        }
    }
}
