package org.sonocine.ui.browser;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.ReadOptions;
import org.sonocine.imaging.DisplayFrame;
import org.sonocine.imaging.FrameFailure;
import org.sonocine.imaging.FrameRenderer;
import org.sonocine.imaging.FrameRenderers;
import org.sonocine.imaging.FrameSource;
import org.sonocine.imaging.ScaledRenderer;
import org.sonocine.study.ArchiveImage;
import org.sonocine.study.CineTiming;
import org.sonocine.study.FailureReason;
import org.sonocine.study.Geometry;
import org.sonocine.ui.task.BackgroundTask;
import org.sonocine.ui.task.Cancellable;
import org.sonocine.ui.task.Lane;
import org.sonocine.ui.task.TaskExecutor;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Small pictures of instances for the browser's grid, made on the thumbnail lane from the frame the cine starts
 * on, shrunk by the viewer's own area-averaging resampler with the display aspect honoured. What was made is kept
 * in a cache bounded in bytes, so memory stays flat however many instances a folder holds; a file that cannot be
 * drawn gets a failure that says why, remembered like a picture unless asking again may succeed. Work nobody
 * waits for any more (its cells were recycled before it started) is dropped unmade. Used on the UI thread.
 */
public final class ThumbnailService {
    /** The largest side of a thumbnail, in pixels. */
    static final int SIZE = 96;
    /**
     * What the cache may hold: 32 MiB is at least 890 thumbnails of the largest shape (96 x 96 x 4 bytes) and
     * about 1,200 of the usual 4:3 ultrasound one, some thirty screenfuls of the grid, so scrolling back through
     * a series seldom decodes again, while the bound stays exact whatever the pictures' shapes.
     */
    static final long CACHE_BYTES = 32L << 20;
    /** What a remembered failure is counted as: its record and message, roughly. */
    private static final long FAILURE_BYTES = 256;

    /** What a cell shows for a file: its picture, or why it has none. */
    sealed interface Thumbnail permits Picture, Failure {
    }

    record Picture(Image image) implements Thumbnail {
        Picture {
            Objects.requireNonNull(image);
        }
    }

    /** @param message for the user, as "no image: the file has no pixel data" */
    record Failure(String message) implements Thumbnail {
    }

    /** Makes the pixels of a file's thumbnail, at most {@code size} on each side; runs off the UI thread. */
    @FunctionalInterface
    interface Maker {
        DisplayFrame make(Path file, int size) throws Exception;
    }

    private static final Cancellable ANSWERED = new Cancellable() {
        @Override
        public void cancel() {
            // The caller was answered at once: there is nothing left to stop.
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    private final TaskExecutor tasks;
    private final Maker maker;
    private final Cache cache;
    /** Files whose thumbnails are being made, with the cells waiting for them. */
    private final Map<Path, Pending> pending = new HashMap<>();

    public ThumbnailService(TaskExecutor tasks) {
        this(tasks, CACHE_BYTES, ThumbnailService::fromFirstFrame);
    }

    /**
     * Thumbnails of local files, and of the instances {@code archived} knows how to open from an archive (their
     * first frame, which the archive sends while agreeing on a syntax, and which is then kept in the cache).
     */
    public ThumbnailService(TaskExecutor tasks, Function<Path, Optional<Callable<ArchiveImage>>> archived) {
        this(tasks, CACHE_BYTES, (file, size) -> {
            Optional<Callable<ArchiveImage>> opener = archived.apply(file);
            if (opener.isPresent()) {
                ArchiveImage image = opener.get().call();
                return thumbnail(image.source(), image.dataset(), size);
            }
            return fromFirstFrame(file, size);
        });
    }

    ThumbnailService(TaskExecutor tasks, long cacheBytes, Maker maker) {
        this.tasks = tasks;
        this.maker = maker;
        this.cache = new Cache(cacheBytes);
    }

    /**
     * Calls {@code ready} with the thumbnail of {@code file}, now when it is known, else when it is made; call on
     * the UI thread, and {@code ready} is called there. Cancelling the answer stops {@code ready} from being
     * called, and stops the work if no one else waits for it and it has not started.
     */
    Cancellable request(Path file, Consumer<Thumbnail> ready) {
        Thumbnail known = cache.get(file);
        if (known != null) {
            ready.accept(known);
            return ANSWERED;
        }
        Pending job = pending.get(file);
        if (job != null) {
            return job.add(ready);
        }
        job = new Pending(file);
        pending.put(file, job);
        Caller caller = job.add(ready);
        job.start();
        return caller;
    }

    /** How many thumbnails and failures are remembered. */
    int cached() {
        return cache.entries.size();
    }

    /** What the remembered thumbnails take, counted as 4 bytes a pixel. */
    long cachedBytes() {
        return cache.bytes;
    }

    /** How many files have work queued or running for them. */
    int pending() {
        return pending.size();
    }

    /**
     * The thumbnail of {@code file}'s first shown frame (Start Trim, else frame 1), fitted into
     * {@code size} x {@code size} with each pixel shown {@link Geometry#displayAspect()} times as tall as wide.
     */
    static DisplayFrame fromFirstFrame(Path file, int size) throws IOException {
        try (DicomFile dicom = DicomFile.openLenient(file, ReadOptions.DEFAULT)) {
            return thumbnail(FrameSource.of(dicom), dicom.dataset(), size);
        }
    }

    private static DisplayFrame thumbnail(FrameSource source, Attributes dataset, int size) throws IOException {
        int index = CineTiming.of(dataset, source.frameCount()).startFrame() - 1;
        FrameRenderer renderer = FrameRenderers.forSource(source);
        DisplayFrame full;
        try {
            full = renderer.render(source.decode(index));
        } catch (RuntimeException | Error e) {
            throw FrameFailure.of(index, e);
        }
        double aspect = Geometry.of(dataset).displayAspect();
        double shownHeight = full.height() * aspect;
        double scale = Math.min((double) size / full.width(), size / shownHeight);
        int width = Math.max(1, (int) Math.round(full.width() * scale));
        int height = Math.max(1, (int) Math.round(shownHeight * scale));
        return new ScaledRenderer(renderer, width, height).resize(full);
    }

    /** Why {@code file} has no thumbnail, in the words the rest of the viewer uses for unreadable files. */
    static String reason(Path file, Throwable failure) {
        String message = failure.getMessage();
        boolean worded = failure instanceof FileSystemException || failure instanceof OutOfMemoryError
                || failure instanceof StackOverflowError;
        if (!worded && (message == null || message.isBlank() || failure instanceof NullPointerException)) {
            // Without a message there is only the exception's kind, which means nothing to the user.
            return "no image: it could not be read";
        }
        return "no image: " + FailureReason.of(file, failure);
    }

    private static Picture picture(DisplayFrame frame) {
        WritableImage image = new WritableImage(frame.width(), frame.height());
        image.getPixelWriter().setPixels(0, 0, frame.width(), frame.height(), PixelFormat.getIntArgbPreInstance(),
                frame.argb(), 0, frame.width());
        return new Picture(image);
    }

    /** One file's thumbnail being made, and the cells that wait for it. */
    private final class Pending {
        private final Path file;
        private final List<Caller> callers = new ArrayList<>();
        private volatile boolean started;
        private Cancellable work;
        private boolean finished;

        Pending(Path file) {
            this.file = file;
        }

        Caller add(Consumer<Thumbnail> ready) {
            Caller caller = new Caller(this, ready);
            callers.add(caller);
            return caller;
        }

        void start() {
            Cancellable submitted = BackgroundTask.wrap(() -> {
                started = true;
                return picture(maker.make(file, SIZE));
            }).onSuccess(made -> finish(made, true))
                    .onFailure(thrown -> finish(new Failure(reason(file, thrown)), !FrameFailure.isRetryable(thrown)))
                    .executeWith(tasks, Lane.THUMBNAILS);
            if (!finished) {
                work = submitted;
            }
        }

        /**
         * Once its last caller has gone, work that has not started is dropped; work already running is let finish,
         * since keeping its result costs less than decoding the file again when the cell scrolls back.
         */
        void drop(Caller caller) {
            if (callers.remove(caller) && callers.isEmpty() && !started && work != null) {
                work.cancel();
                pending.remove(file, this);
            }
        }

        private void finish(Thumbnail made, boolean remember) {
            finished = true;
            pending.remove(file, this);
            if (remember) {
                cache.put(file, made);
            }
            List<Caller> waiting = List.copyOf(callers);
            callers.clear();
            waiting.forEach(c -> c.ready.accept(made));
        }
    }

    /** One cell's wait for a thumbnail. */
    private static final class Caller implements Cancellable {
        private final Pending job;
        private final Consumer<Thumbnail> ready;
        private boolean cancelled;

        Caller(Pending job, Consumer<Thumbnail> ready) {
            this.job = job;
            this.ready = ready;
        }

        @Override
        public void cancel() {
            if (!cancelled) {
                cancelled = true;
                job.drop(this);
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }

    /** Thumbnails by file, least recently used dropped first once they take more than the budget. */
    private static final class Cache {
        private final long budget;
        private final LinkedHashMap<Path, Thumbnail> entries = new LinkedHashMap<>(64, 0.75f, true);
        private long bytes;

        Cache(long budget) {
            this.budget = budget;
        }

        Thumbnail get(Path file) {
            return entries.get(file);
        }

        void put(Path file, Thumbnail thumbnail) {
            Thumbnail old = entries.put(file, thumbnail);
            if (old != null) {
                bytes -= cost(old);
            }
            bytes += cost(thumbnail);
            Iterator<Thumbnail> oldest = entries.values().iterator();
            while (bytes > budget && entries.size() > 1) {
                bytes -= cost(oldest.next());
                oldest.remove();
            }
        }

        private static long cost(Thumbnail thumbnail) {
            if (thumbnail instanceof Picture p) {
                return (long) p.image().getWidth() * (long) p.image().getHeight() * 4;
            }
            return FAILURE_BYTES;
        }
    }
}
