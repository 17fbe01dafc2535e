package org.sonocine.cine;

import org.sonocine.imaging.DecodeException;
import org.sonocine.imaging.DisplayFrame;
import org.sonocine.imaging.FrameRenderer;
import org.sonocine.imaging.FrameSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * Display-ready frames of one cine, decoded on demand and ahead of the playhead, kept within a budget of bytes
 * (least recently used first out), so that a cine larger than memory plays. A frame that cannot be decoded keeps
 * its reason, so it is not retried on every tick. Thread-safe.
 */
public final class FrameCache implements AutoCloseable {
    private final FrameSource source;
    private final Executor executor;
    private final long budgetBytes;
    private volatile FrameRenderer renderer;
    private final LinkedHashMap<Integer, DisplayFrame> ready = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<Integer, String> failed = new HashMap<>();
    private final Map<Integer, CompletableFuture<DisplayFrame>> pending = new HashMap<>();
    private final Map<Integer, Future<?>> tasks = new HashMap<>();
    private long usedBytes;
    private long generation;
    private boolean closed;

    public FrameCache(FrameSource source, FrameRenderer renderer, long budgetBytes, Executor executor) {
        this.source = source;
        this.renderer = renderer;
        this.budgetBytes = Math.max(1, budgetBytes);
        this.executor = executor;
    }

    public FrameSource source() {
        return source;
    }

    public int frameCount() {
        return source.frameCount();
    }

    /** How many frames of the current size fit the budget (at least 2). */
    public int capacityFrames() {
        long frameBytes = (long) source.header().rows() * source.header().columns() * 4;
        return (int) Math.max(2, Math.min(Integer.MAX_VALUE, budgetBytes / Math.max(1, frameBytes)));
    }

    /** The frame if it is decoded already. */
    public synchronized Optional<DisplayFrame> getIfReady(int index) {
        return Optional.ofNullable(ready.get(index));
    }

    /** Why frame {@code index} could not be decoded, if it could not. */
    public synchronized Optional<String> failure(int index) {
        return Optional.ofNullable(failed.get(index));
    }

    /** The frame, decoded now or later on the executor. */
    public synchronized CompletableFuture<DisplayFrame> request(int index) {
        DisplayFrame frame = ready.get(index);
        if (frame != null) {
            return CompletableFuture.completedFuture(frame);
        }
        String reason = failed.get(index);
        if (reason != null) {
            return CompletableFuture.failedFuture(new DecodeException(reason));
        }
        CompletableFuture<DisplayFrame> future = pending.get(index);
        if (future != null) {
            return future;
        }
        CompletableFuture<DisplayFrame> created = new CompletableFuture<>();
        if (closed) {
            created.completeExceptionally(new IOException("the cine was closed"));
            return created;
        }
        pending.put(index, created);
        long gen = generation;
        FutureTask<Void> task = new FutureTask<>(() -> {
            decode(index, created, gen);
            return null;
        });
        tasks.put(index, task);
        executor.execute(task);
        return created;
    }

    private void decode(int index, CompletableFuture<DisplayFrame> future, long gen) {
        DisplayFrame frame = null;
        IOException error = null;
        try {
            frame = renderer.render(source.decode(index));
        } catch (IOException e) {
            error = e;
        } catch (RuntimeException e) {
            error = new DecodeException("frame " + (index + 1) + " could not be decoded: " + e, e);
        }
        synchronized (this) {
            tasks.remove(index);
            if (pending.get(index) == future) {
                pending.remove(index);
            }
            if (gen == generation && !closed) {
                if (frame != null) {
                    store(index, frame);
                } else {
                    failed.put(index, error.getMessage());
                }
            }
        }
        if (frame != null) {
            future.complete(frame);
        } else {
            future.completeExceptionally(error);
        }
    }

    private void store(int index, DisplayFrame frame) {
        long bytes = (long) frame.argb().length * 4;
        ready.put(index, frame);
        usedBytes += bytes;
        Iterator<Map.Entry<Integer, DisplayFrame>> eldest = ready.entrySet().iterator();
        while (usedBytes > budgetBytes && eldest.hasNext()) {
            Map.Entry<Integer, DisplayFrame> e = eldest.next();
            if (e.getKey() == index) {
                continue;
            }
            usedBytes -= (long) e.getValue().argb().length * 4;
            eldest.remove();
        }
    }

    /**
     * Asks for the frames after the playhead (in the given order) that fit the budget, and cancels queued
     * decodes of frames no longer wanted.
     */
    public synchronized void prefetch(List<Integer> upcoming) {
        int limit = Math.max(1, capacityFrames() - 1);
        List<Integer> wanted = new ArrayList<>(upcoming.subList(0, Math.min(limit, upcoming.size())));
        for (Iterator<Map.Entry<Integer, Future<?>>> it = tasks.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, Future<?>> e = it.next();
            if (!wanted.contains(e.getKey()) && e.getValue().cancel(false)) {
                CompletableFuture<DisplayFrame> f = pending.remove(e.getKey());
                if (f != null) {
                    f.cancel(false);
                }
                it.remove();
            }
        }
        for (int index : wanted) {
            if (!ready.containsKey(index) && !failed.containsKey(index)) {
                request(index);
            }
        }
        // Touch wanted frames so the least recently used ones evicted are those behind the playhead.
        for (int i = wanted.size() - 1; i >= 0; i--) {
            ready.get(wanted.get(i));
        }
    }

    /** Uses a new renderer (e.g. another window) from now on; frames rendered with the old one are dropped. */
    public synchronized void setRenderer(FrameRenderer value) {
        renderer = value;
        generation++;
        ready.clear();
        usedBytes = 0;
        tasks.values().forEach(t -> t.cancel(false));
        tasks.clear();
        pending.values().forEach(f -> f.cancel(false));
        pending.clear();
    }

    public FrameRenderer renderer() {
        return renderer;
    }

    public synchronized long usedBytes() {
        return usedBytes;
    }

    @Override
    public synchronized void close() {
        closed = true;
        tasks.values().forEach(t -> t.cancel(false));
        tasks.clear();
        pending.values().forEach(f -> f.cancel(false));
        pending.clear();
        ready.clear();
        usedBytes = 0;
    }
}
