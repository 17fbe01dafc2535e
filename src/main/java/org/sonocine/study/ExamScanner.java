package org.sonocine.study;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * Scans files, folders and DICOMDIRs for DICOM instances, reading headers only (up to Pixel Data), on the
 * executor it is given: files are examined while folders are still being walked, and what is found is reported
 * as it is found. Files that are not DICOM are counted and skipped; files, folders and DICOMDIRs that cannot be
 * read are reported with their reason; nothing that goes wrong with one of them stops the rest of the scan. Files
 * are opened read-only.
 */
public final class ExamScanner {
    private final Executor executor;
    private final int parallelism;

    /**
     * A scanner that walks on one task of {@code executor} and examines files on at most {@code parallelism}
     * others. A same-thread executor runs the whole scan inside {@link #scan}, in an order that is fixed.
     */
    public ExamScanner(Executor executor, int parallelism) {
        this.executor = executor;
        this.parallelism = Math.max(1, parallelism);
    }

    /**
     * Starts scanning {@code roots}, telling {@code listener} what is found as it is found. The scan stops between
     * two files once {@code cancelled} says so (or once the future is cancelled); its summary then says that it
     * was cancelled and how many of the files known so far were examined. The future fails only with a listener's
     * own failure or the machine's (a file's failure, running out of memory on it included, is that file's).
     */
    public CompletableFuture<ScanSummary> scan(List<Path> roots, ScanListener listener, BooleanSupplier cancelled) {
        CompletableFuture<ScanSummary> result = new CompletableFuture<>();
        new ScanRun(executor, parallelism, listener, cancelled, ScanEnd.of(result)).start(List.copyOf(roots));
        return result;
    }

    /**
     * Scans {@code roots} as {@link #scan} does, with no way to cancel, and returns the summary once it is done:
     * for a command, which has nothing to do meanwhile. A listener's own failure or the machine's is thrown as it
     * was (an unchecked one) or in a {@link java.util.concurrent.CompletionException}.
     */
    public ScanSummary scanAndWait(List<Path> roots, ScanListener listener) {
        Awaited<ScanSummary> result = new Awaited<>();
        new ScanRun(executor, parallelism, listener, NEVER, ScanEnd.of(result)).start(List.copyOf(roots));
        return result.await();
    }

    // a class rather than a lambda: a command links none (see ExamTree)
    private static final BooleanSupplier NEVER = new BooleanSupplier() {
        @Override
        public boolean getAsBoolean() {
            return false;
        }
    };

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
