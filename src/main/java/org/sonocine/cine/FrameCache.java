package org.sonocine.cine;

import org.sonocine.imaging.ArgbPool;
import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.imaging.DisplayFrame;
import org.sonocine.imaging.FrameBuffers;
import org.sonocine.imaging.FrameFailure;
import org.sonocine.imaging.FrameRenderer;
import org.sonocine.imaging.FrameSource;
import org.sonocine.imaging.ScaledRenderer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * Display-ready frames of one cine, decoded on demand and ahead of the playhead, kept within a budget of bytes
 * (frames of an old size or window first out, then the least recently used), so that a cine larger than memory
 * plays.
 *
 * <p>Decoding is scheduled by need: each queued frame carries the time it is due, and a decoding thread always
 * takes the most urgent one. A prefetched frame whose time has passed before a thread got to it is dropped rather
 * than decoded late; a frame asked for directly (paused, scrubbing) is never dropped, and asking alone cancels
 * everything else still queued, so a scrub storm decodes only the frames the thumb rests on. Arrays of evicted
 * frames go back to a pool, except the one on screen. A frame that cannot be decoded keeps its reason, so it is
 * not retried on every tick. Thread-safe.
 */
public final class FrameCache implements AutoCloseable {
    /**
     * A frame wanted ahead of the playhead, and the clock reading (ns) at which it is due on screen; {@code keep}
     * when it is worth decoding even if late (it stays in the cache and is shown on a later round of the loop).
     */
    public record Wanted(int index, long dueNanos, boolean keep) {
        public Wanted(int index, long dueNanos) {
            this(index, dueNanos, false);
        }
    }

    private static final ThreadLocal<FrameBuffers> BUFFERS = ThreadLocal.withInitial(FrameBuffers::new);
    private static final long URGENT = Long.MIN_VALUE;

    private final class Job {
        final int index;
        /** A prefetch, dropped when late; false once the frame is asked for directly. */
        boolean droppable;
        final long generation;
        final FrameRenderer renderer;
        final CompletableFuture<DisplayFrame> future = new CompletableFuture<>();
        long due;
        boolean started;

        Job(int index, long due, boolean droppable, long generation, FrameRenderer renderer) {
            this.index = index;
            this.renderer = renderer;
            this.due = due;
            this.droppable = droppable;
            this.generation = generation;
        }
    }

    private record Entry(DisplayFrame frame, long generation) {
    }

    private final FrameSource source;
    private final Executor executor;
    private final long budgetBytes;
    private final LongSupplier clock;
    private final DecodeRate rate;
    private final ArgbPool pool = new ArgbPool(4);
    private volatile FrameRenderer renderer;
    private final LinkedHashMap<Integer, Entry> ready = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<Integer, String> failed = new HashMap<>();
    private final Map<Integer, Job> jobs = new HashMap<>();
    private final PriorityQueue<Job> queue = new PriorityQueue<>((a, b) -> a.due != b.due
            ? Long.compare(a.due, b.due) : Integer.compare(a.index, b.index));
    private DisplayFrame pinned;
    /** Whether the frame on screen has left the cache, so that its array goes to the pool once it is replaced. */
    private boolean pinnedEvicted;
    private long usedBytes;
    private long generation;
    private long decoded;
    private long droppedLate;
    private boolean closed;
    /** A frame rendered already at the image's own size, and the renderer that made it (see {@link #offerFullSize}). */
    private volatile Rendered fullSize;

    /** Frame {@code index} as {@code renderer} rendered it at the image's own size. */
    private record Rendered(int index, FrameRenderer renderer, DisplayFrame frame) {
    }

    public FrameCache(FrameSource source, FrameRenderer renderer, long budgetBytes, Executor executor) {
        this(source, renderer, budgetBytes, executor, System::nanoTime, new DecodeRate(1));
    }

    public FrameCache(FrameSource source, FrameRenderer renderer, long budgetBytes, Executor executor,
                      LongSupplier clock, DecodeRate rate) {
        this.source = source;
        this.renderer = renderer;
        this.budgetBytes = Math.max(1, budgetBytes);
        this.executor = executor;
        this.clock = clock;
        this.rate = rate;
    }

    public FrameSource source() {
        return source;
    }

    public int frameCount() {
        return source.frameCount();
    }

    /** How many frames of the current display size fit the budget (at least 2). */
    public int capacityFrames() {
        long frameBytes = renderer instanceof ScaledRenderer s ? (long) s.width() * s.height() * 4
                : (long) source.header().rows() * source.header().columns() * 4;
        return (int) Math.max(2, Math.min(Integer.MAX_VALUE, budgetBytes / Math.max(1, frameBytes)));
    }

    /** How many decodes are queued or under way. */
    public synchronized int pendingCount() {
        return jobs.size();
    }

    /** The frame if it is decoded already with the current renderer. */
    public synchronized Optional<DisplayFrame> getIfReady(int index) {
        Entry e = ready.get(index);
        return e != null && e.generation == generation ? Optional.of(e.frame) : Optional.empty();
    }

    /**
     * The frame if it is decoded, with the current renderer or an earlier one (another display size or window):
     * something to show while the current rendering is on its way.
     */
    public synchronized Optional<DisplayFrame> getAny(int index) {
        Entry e = ready.get(index);
        return e != null ? Optional.of(e.frame) : Optional.empty();
    }

    /**
     * Whether the frame is decoded with the current renderer. Like every look-up it counts as a use, which suits
     * its caller: the frames asked about are those ahead of the playhead, the last to be evicted.
     */
    public synchronized boolean isReady(int index) {
        Entry e = ready.get(index);
        return e != null && e.generation == generation;
    }

    /** Why frame {@code index} could not be decoded, if it could not. */
    public synchronized Optional<String> failure(int index) {
        return Optional.ofNullable(failed.get(index));
    }

    /** Whether a decode of the frame is queued or running. */
    public synchronized boolean isPending(int index) {
        Job job = jobs.get(index);
        return job != null && job.generation == generation;
    }

    /** The frame, decoded now or as soon as a thread is free; never dropped for being late. */
    public synchronized CompletableFuture<DisplayFrame> request(int index) {
        return enqueue(index, URGENT, false);
    }

    /**
     * As {@link #request}, and cancels every other decode not yet started: the latest request wins, as when the
     * scrub bar is dragged across a long cine.
     */
    public synchronized CompletableFuture<DisplayFrame> requestAlone(int index) {
        cancelQueuedExcept(Set.of(index));
        return enqueue(index, URGENT, false);
    }

    /**
     * Queues the frames wanted ahead of the playhead, each with the time it is due, and cancels queued decodes of
     * frames no longer wanted. Frames already decoded are marked used, so that the ones evicted first are those
     * behind the playhead.
     */
    public synchronized void prefetch(List<Wanted> wanted) {
        Set<Integer> keep = new HashSet<>();
        for (Wanted w : wanted) {
            keep.add(w.index());
        }
        cancelQueuedPrefetchesExcept(keep);
        for (Wanted w : wanted) {
            if (isReady(w.index()) || failed.containsKey(w.index())) {
                continue;
            }
            enqueue(w.index(), w.dueNanos(), !w.keep());
        }
        for (int i = wanted.size() - 1; i >= 0; i--) {
            ready.get(wanted.get(i).index());
        }
    }

    private CompletableFuture<DisplayFrame> enqueue(int index, long due, boolean droppable) {
        Entry entry = ready.get(index);
        if (entry != null && entry.generation == generation) {
            return CompletableFuture.completedFuture(entry.frame);
        }
        String reason = failed.get(index);
        if (reason != null) {
            return CompletableFuture.failedFuture(new DecodeException(reason));
        }
        Job existing = jobs.get(index);
        if (existing != null && existing.generation == generation) {
            if (!existing.started && (due < existing.due || !droppable)) {
                // Wanted sooner (or wanted for sure): move it up the queue.
                queue.remove(existing);
                existing.due = Math.min(due, existing.due);
                existing.droppable &= droppable;
                queue.add(existing);
            }
            return existing.future;
        }
        if (closed) {
            return CompletableFuture.failedFuture(new IOException("the cine was closed"));
        }
        Job job = new Job(index, due, droppable, generation, renderer);
        jobs.put(index, job);
        queue.add(job);
        executor.execute(this::runMostUrgent);
        return job.future;
    }

    private void cancelQueuedExcept(Set<Integer> keep) {
        cancelQueued(keep, false);
    }

    /** Cancels the queued prefetches not in {@code keep}; frames asked for directly stay queued. */
    private void cancelQueuedPrefetchesExcept(Set<Integer> keep) {
        cancelQueued(keep, true);
    }

    private void cancelQueued(Set<Integer> keep, boolean onlyPrefetches) {
        for (Iterator<Job> it = queue.iterator(); it.hasNext(); ) {
            Job job = it.next();
            if (!keep.contains(job.index) && (job.droppable || !onlyPrefetches)) {
                it.remove();
                jobs.remove(job.index, job);
                job.future.cancel(false);
            }
        }
    }

    /** Cancels every prefetch not yet started, as when playback pauses. */
    public synchronized void cancelPrefetches() {
        cancelQueuedPrefetchesExcept(Set.of());
    }

    /**
     * The frame, decoded with the current renderer ({@code currentOnly}) or any, marked as the one on screen in
     * the same step, so that no decoding thread can recycle its pixels between the look-up and the pin.
     */
    public synchronized Optional<DisplayFrame> pinIfReady(int index, boolean currentOnly) {
        Entry e = ready.get(index);
        if (e == null || (currentOnly && e.generation != generation)) {
            return Optional.empty();
        }
        pin(e.frame);
        return Optional.of(e.frame);
    }

    /** Runs on a decoding thread: decodes the most urgent queued frame that can still be shown in time. */
    private void runMostUrgent() {
        Job job;
        List<Job> late = new ArrayList<>();
        synchronized (this) {
            long now = clock.getAsLong();
            while ((job = queue.poll()) != null && job.droppable && job.due < now) {
                jobs.remove(job.index, job);
                late.add(job);
                droppedLate++;
            }
            if (job != null) {
                job.started = true;
            }
        }
        late.forEach(j -> j.future.cancel(false));
        if (job != null) {
            decode(job);
        }
    }

    private void decode(Job job) {
        DisplayFrame frame = null;
        String error = null;
        boolean retryable = false;
        long start = clock.getAsLong();
        try {
            frame = resizedFullSize(job);
            if (frame == null) {
                frame = job.renderer.render(source.decode(job.index, BUFFERS.get()), pool);
                rate.record(clock.getAsLong() - start);
            }
        } catch (Throwable e) {
            error = FrameFailure.reason(job.index, e);
            retryable = FrameFailure.isRetryable(e);
            rate.record(clock.getAsLong() - start);
        }
        DisplayFrame kept = null;
        synchronized (this) {
            jobs.remove(job.index, job);
            if (!closed) {
                if (frame != null) {
                    decoded++;
                    kept = store(job.index, new Entry(frame, job.generation));
                } else if (job.generation == generation && !retryable) {
                    failed.put(job.index, error);
                }
            } else if (frame != null) {
                pool.give(frame.argb());
            }
        }
        if (kept != null) {
            job.future.complete(kept);
        } else if (frame != null) {
            job.future.completeExceptionally(new CancellationException("the cine was closed"));
        } else {
            job.future.completeExceptionally(new DecodeException(error));
        }
    }

    /**
     * Tells the cache that {@code renderer} has already rendered frame {@code index}, at the image's own size, as
     * {@code frame}; the caller keeps {@code frame} unchanged for as long as the cache lives. That frame is then
     * resized for a display size instead of being decoded again: the first frame of a cine opened at start comes
     * rendered at its own size before the window knows its size, and decoding it once more would take a start's
     * processor time (and, for JPEG, load the image readers) just as the window is being drawn.
     */
    public void offerFullSize(int index, FrameRenderer renderer, DisplayFrame frame) {
        fullSize = new Rendered(index, renderer, frame);
    }

    /**
     * The offered frame at the job's size, in an array of the pool's (the offered one stays its owner's); null when
     * the job wants another frame, or another rendering. Not counted as a decode in the decode rate.
     */
    private DisplayFrame resizedFullSize(Job job) {
        Rendered known = fullSize;
        if (known != null && known.index == job.index && job.renderer instanceof ScaledRenderer scaled
                && scaled.inner() == known.renderer) {
            return scaled.resize(known.frame, pool);
        }
        return null;
    }

    /** Keeps the frame, and returns the frame now held for its index (a newer rendering may have come first). */
    private DisplayFrame store(int index, Entry entry) {
        Entry old = ready.get(index);
        if (old != null && old.generation > entry.generation) {
            release(entry.frame);
            return old.frame;
        }
        ready.put(index, entry);
        usedBytes += bytes(entry.frame);
        if (old != null) {
            usedBytes -= bytes(old.frame);
            release(old.frame);
        }
        evictStale(index);
        Iterator<Map.Entry<Integer, Entry>> eldest = ready.entrySet().iterator();
        while (usedBytes > budgetBytes && eldest.hasNext()) {
            Map.Entry<Integer, Entry> e = eldest.next();
            if (e.getKey() == index) {
                continue;
            }
            usedBytes -= bytes(e.getValue().frame);
            eldest.remove();
            release(e.getValue().frame);
        }
        return entry.frame;
    }

    private void evictStale(int keepIndex) {
        for (Iterator<Map.Entry<Integer, Entry>> it = ready.entrySet().iterator();
             usedBytes > budgetBytes && it.hasNext(); ) {
            Map.Entry<Integer, Entry> e = it.next();
            if (e.getValue().generation != generation && e.getKey() != keepIndex) {
                usedBytes -= bytes(e.getValue().frame);
                it.remove();
                release(e.getValue().frame);
            }
        }
    }

    private static long bytes(DisplayFrame frame) {
        return (long) frame.argb().length * 4;
    }

    /** Back to the pool, unless it is on screen (then it goes back when another frame takes its place). */
    private void release(DisplayFrame frame) {
        if (frame == pinned) {
            pinnedEvicted = true;
        } else {
            pool.give(frame.argb());
        }
    }

    /**
     * Marks {@code frame} as the one on screen, so that its pixels are not reused while the screen may still
     * read them; the frame shown before is released if the cache no longer holds it.
     */
    public synchronized void pin(DisplayFrame frame) {
        if (frame == pinned) {
            return;
        }
        if (pinnedEvicted) {
            pool.give(pinned.argb());
        }
        pinned = frame;
        pinnedEvicted = false;
    }

    /**
     * Uses a new renderer (another display size or window) from now on. Frames rendered with the old one stay
     * available through {@link #getAny} until they are replaced or need the room; queued decodes are cancelled.
     */
    public synchronized void setRenderer(FrameRenderer value) {
        renderer = value;
        generation++;
        cancelQueuedExcept(Set.of());
        // A frame too large for memory at one size may fit at another: let the new renderer try again.
        failed.clear();
    }

    public FrameRenderer renderer() {
        return renderer;
    }

    public synchronized long usedBytes() {
        return usedBytes;
    }

    /** Frames decoded so far, and prefetched frames dropped because their time had passed before a thread was free. */
    public synchronized long decodedCount() {
        return decoded;
    }

    public synchronized long droppedLateCount() {
        return droppedLate;
    }

    /** Decodes queued and not yet started. */
    public synchronized int queuedCount() {
        return queue.size();
    }

    /** The pool the frames' arrays come from (for checking that playback reuses them). */
    public ArgbPool pool() {
        return pool;
    }

    @Override
    public synchronized void close() {
        closed = true;
        cancelQueuedExcept(Set.of());
        jobs.values().forEach(j -> j.future.completeExceptionally(new CancellationException("the cine was closed")));
        jobs.clear();
        ready.clear();
        usedBytes = 0;
    }
}
