package org.sonocine.study;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;

/**
 * One scan under way. The walk hands files over as it meets them; up to {@code parallelism} examiners take them
 * in turn on the caller's executor, each giving its thread back after a slice of time so that other work on a
 * shared executor (opening the image the user clicked) is not kept waiting behind thousands of files. Every count
 * and every listener call is made under this object's lock: the listener hears one call at a time, and the counts
 * it hears agree with the summary.
 *
 * <p>Cancelling is cooperative: the walk and the examiners check between two files and nobody is interrupted, so a
 * read in progress ends normally and is counted. A read that fails because its thread was interrupted anyway (the
 * executor shut down under the scan) ends the scan as cancelled, and the file is neither examined nor failed.
 */
final class ScanRun implements ExamFiles.Sink {
    private static final long SLICE_NANOS = 50_000_000L;

    private final Executor executor;
    private final int parallelism;
    private final ScanListener listener;
    private final BooleanSupplier cancelRequested;
    private final ScanEnd result;
    private final long start = System.nanoTime();

    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final ExamTree tree = new ExamTree();
    private final List<ScanSummary.Failure> failures = new ArrayList<>();
    private final List<ScanSummary.Warning> warnings = new ArrayList<>();
    private int listed;
    private int examined;
    private int skipped;
    private int examiners;
    private boolean walking = true;
    private boolean abandoned;
    /** Set when the scan must stop whatever the caller says: an interrupted read, an executor that refuses work. */
    private volatile boolean stopped;

    // Classes rather than lambdas or method references: a scan links none (see ExamTree).
    private final BooleanSupplier cancelCheck = new BooleanSupplier() {
        @Override
        public boolean getAsBoolean() {
            return cancelled();
        }
    };
    private final Runnable examiner = new Runnable() {
        @Override
        public void run() {
            examine();
        }
    };

    ScanRun(Executor executor, int parallelism, ScanListener listener, BooleanSupplier cancelRequested,
            ScanEnd result) {
        this.executor = executor;
        this.parallelism = parallelism;
        this.listener = listener;
        this.cancelRequested = cancelRequested;
        this.result = result;
    }

    /** Starts the walk; {@code result} hears how the scan ends. */
    void start(List<Path> roots) {
        try {
            executor.execute(new Runnable() {
                @Override
                public void run() {
                    walk(roots);
                }
            });
        } catch (RejectedExecutionException e) {
            stop();
            synchronized (this) {
                walking = false;
            }
            finishIfDone();
        }
    }

    /** Whether to stop: the caller cancelled (by flag or by cancelling the future), or the scan had to stop. */
    private boolean cancelled() {
        return stopped || result.isDone() || cancelRequested.getAsBoolean();
    }

    private void walk(List<Path> roots) {
        try {
            ExamFiles.walk(roots, this, cancelCheck);
            synchronized (this) {
                walking = false;
                if (cancelled()) {
                    abandoned = true;
                }
            }
            finishIfDone();
        } catch (Throwable t) {
            abort(t);
        }
    }

    /** A file the walk handed over, with the attributes it read (null when it could not). */
    private record Pending(Path file, BasicFileAttributes attributes) {
    }

    @Override
    public void file(Path file, BasicFileAttributes attributes) {
        boolean newExaminer;
        synchronized (this) {
            if (cancelled()) {
                return;
            }
            queue.add(new Pending(file, attributes));
            listed++;
            listener.progress(examined, listed);
            newExaminer = examiners < parallelism;
            if (newExaminer) {
                examiners++;
            }
        }
        if (newExaminer) {
            launchExaminer();
        }
    }

    @Override
    public synchronized void failed(Path file, Throwable failure) {
        if (Interruption.caused(failure)) {
            stop();
            return;
        }
        fail(file, FailureReason.of(file, failure));
    }

    @Override
    public synchronized void warned(Path source, String message) {
        warnings.add(new ScanSummary.Warning(source, message));
        listener.warned(source, message);
    }

    private void launchExaminer() {
        try {
            executor.execute(examiner);
        } catch (RejectedExecutionException e) {
            stop();
            synchronized (this) {
                examiners--;
            }
            finishIfDone();
        }
    }

    /** Examines queued files until none is left or its slice of time is used up, then hands its thread back. */
    private void examine() {
        try {
            long sliceEnd = System.nanoTime() + SLICE_NANOS;
            Pending pending;
            while ((pending = next()) != null) {
                record(pending.file(), Examination.of(pending.file(), pending.attributes()));
                if (System.nanoTime() - sliceEnd > 0) {
                    launchExaminer();
                    return;
                }
            }
            finishIfDone();
        } catch (Throwable t) {
            abort(t);
        }
    }

    /** The next file to examine, or null when there is none (or the scan is cancelled) and this examiner retires. */
    private synchronized Pending next() {
        if (cancelled() && !queue.isEmpty()) {
            abandoned = true;
            queue.clear();
        }
        Pending pending = queue.poll();
        if (pending == null) {
            examiners--;
        }
        return pending;
    }

    private synchronized void record(Path file, Examination examination) {
        switch (examination.kind()) {
            case INSTANCE -> {
                InstanceEntry entry = examination.entry();
                tree.add(entry);
                listener.found(entry);
                if (!entry.isIntact()) {
                    fail(file, entry.problem());
                }
            }
            case SKIPPED -> {
                skipped++;
                listener.skipped(file);
            }
            case DIRECTORY -> {
                // Its files are in the folders walked, or were handed over when it was given by name.
            }
            case FAILED -> fail(file, examination.reason());
            case INTERRUPTED -> {
                stop();
                return;
            }
        }
        examined++;
        listener.progress(examined, listed);
    }

    private void fail(Path file, String reason) {
        failures.add(new ScanSummary.Failure(file, reason));
        listener.failed(file, reason);
    }

    /** Ends the scan as cancelled: what is queued is dropped, and the thread keeps its interrupt for its owner. */
    private synchronized void stop() {
        stopped = true;
        abandoned = true;
        queue.clear();
    }

    /** A listener's own failure, or the machine failing: the scan ends with it, not with a summary. */
    private void abort(Throwable failure) {
        stopped = true;
        synchronized (this) {
            queue.clear();
        }
        result.fail(failure);
    }

    private void finishIfDone() {
        ScanSummary summary;
        synchronized (this) {
            if (walking || examiners > 0 || result.isDone()) {
                return;
            }
            summary = new ScanSummary(tree, examined, listed, skipped, List.copyOf(failures), List.copyOf(warnings),
                    (System.nanoTime() - start) / 1e9, abandoned);
        }
        result.complete(summary);
    }
}
