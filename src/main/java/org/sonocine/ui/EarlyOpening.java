package org.sonocine.ui;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The file a viewer was started on (a double-click), read and its first frame decoded while the window is shown and
 * the viewer built, rather than after: on two cores these overlap, and the first frame is ready about when the
 * viewer is. The viewer's first load takes the result, or closes it when that load is for another file.
 */
final class EarlyOpening {
    private final Path path;
    private final CompletableFuture<LoadedInstance> result = new CompletableFuture<>();
    private final AtomicBoolean taken = new AtomicBoolean();
    private final AtomicBoolean begun = new AtomicBoolean();

    private EarlyOpening(Path path) {
        this.path = path;
    }

    /**
     * The opening of the file the viewer will show first, when it is the first path given (a double-click):
     * {@link ViewerViewModel#openAtStart} looks for it there. It {@link #begin}s when the toolkit is up.
     */
    static Optional<EarlyOpening> forStart(List<Path> paths) {
        Optional<Path> first = ViewerViewModel.firstPlainFile(paths);
        if (first.isEmpty() || !paths.get(0).equals(first.get())) {
            return Optional.empty();
        }
        return Optional.of(new EarlyOpening(first.get()));
    }

    /**
     * Starts opening the file, on a thread of its own, unless it has begun already. Not before the toolkit is up:
     * its start keeps both cores of a modest machine busy by itself (GTK, the renderer's set-up, the compilers), and
     * a file opened beside it delayed the window by ~0.1 s. Once the toolkit is up, the JavaFX thread shows the
     * window meanwhile, and the viewer is made only after that.
     */
    void begin() {
        if (begun.compareAndSet(false, true)) {
            Thread thread = new Thread(this::open, "sonocine-early-open");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** An opening already done, for tests. */
    static EarlyOpening done(Path path, LoadedInstance instance) {
        EarlyOpening opening = new EarlyOpening(path);
        opening.begun.set(true);
        opening.result.complete(instance);
        return opening;
    }

    /**
     * The instance opened for {@code wanted} if it is already there, opened without failure, and not taken yet;
     * otherwise empty, leaving it to {@link #take}.
     */
    Optional<LoadedInstance> takeIfReady(Path wanted) {
        if (!wanted.equals(path) || !result.isDone() || result.isCompletedExceptionally()
                || !taken.compareAndSet(false, true)) {
            return Optional.empty();
        }
        return Optional.of(result.join());
    }

    private void open() {
        LoadedInstance instance;
        try {
            instance = LoadedInstance.open(path);
            if (!result.complete(instance)) {
                instance.close();
                return;
            }
            StartupReport.mark(StartupReport.Milestone.FILE_READ);
        } catch (Throwable e) {
            result.completeExceptionally(e);
            return;
        }
        linkFirstFrameRecords(instance);
    }

    /**
     * Links here, while the window is shown and this thread has nothing else to do, what the JavaFX thread
     * would otherwise link on its way to the first frame: a record's first {@code equals} makes the method the
     * record's class is given at run time, ~20 ms for the first record of a run on two cores, and JavaFX compares
     * a property's old value with the new one when the instance and its first frame are set.
     */
    static void linkFirstFrameRecords(LoadedInstance instance) {
        boolean linked = instance.equals(instance);
        if (instance.firstFrame() != null) {
            linked &= instance.firstFrame().equals(instance.firstFrame());
        }
        assert linked;
    }

    /**
     * The instance opened for {@code wanted}, waiting for it if still under way. Only the first load the viewer
     * makes can take it: for any other file, or a second load, it is empty, and an instance not taken is closed.
     */
    Optional<LoadedInstance> take(Path wanted) throws IOException {
        if (!taken.compareAndSet(false, true)) {
            return Optional.empty();
        }
        if (!wanted.equals(path)) {
            result.thenAccept(LoadedInstance::close);
            return Optional.empty();
        }
        if (begun.compareAndSet(false, true)) {
            open(); // nobody began it: here, rather than on a thread this one would wait for
        }
        try {
            return Optional.of(result.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Opening " + path.getFileName() + " was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) cause;
        }
    }
}
