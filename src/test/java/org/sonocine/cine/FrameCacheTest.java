package org.sonocine.cine;

import org.junit.jupiter.api.Test;
import org.sonocine.imaging.DisplayFrame;
import org.sonocine.imaging.FrameRenderers;
import org.sonocine.imaging.FrameSource;
import org.sonocine.imaging.GreyscaleRenderer;
import org.sonocine.imaging.VoiWindow;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameCacheTest {
    private final List<Runnable> queued = new ArrayList<>();

    /** A grey cine of 4x4 frames whose pixels all hold the frame number x 10; the last frame is cut off. */
    private static FrameSource cine(int frames) throws IOException {
        return TestCines.grey(frames, 4, 8);
    }

    /** The frames, due one second apart from a second from now. */
    private static List<FrameCache.Wanted> dueInTurn(int... frames) {
        long now = System.nanoTime();
        List<FrameCache.Wanted> wanted = new ArrayList<>();
        for (int i = 0; i < frames.length; i++) {
            wanted.add(new FrameCache.Wanted(frames[i], now + (i + 1) * 1_000_000_000L));
        }
        return wanted;
    }

    private void runQueued() {
        List<Runnable> now = new ArrayList<>(queued);
        queued.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void framesAreDecodedOnTheExecutorAndThenServedFromMemory() throws Exception {
        FrameSource source = cine(5);
        FrameCache cache = new FrameCache(source, FrameRenderers.forSource(source), 1 << 20, queued::add);
        var future = cache.request(2);
        assertTrue(cache.getIfReady(2).isEmpty(), "nothing is decoded on the calling thread");
        runQueued();
        DisplayFrame frame = future.get();
        assertEquals(20, frame.argb()[0] & 0xFF);
        assertTrue(cache.getIfReady(2).isPresent());
        assertTrue(cache.request(2).isDone());
    }

    @Test
    void theBudgetInBytesBoundsWhatIsKept() throws Exception {
        FrameSource source = cine(5);
        long frameBytes = 16 * 4;
        FrameCache cache = new FrameCache(source, FrameRenderers.forSource(source), 2 * frameBytes, Runnable::run);
        for (int i = 0; i < 4; i++) {
            cache.request(i).get();
        }
        assertEquals(2 * frameBytes, cache.usedBytes());
        assertTrue(cache.getIfReady(3).isPresent());
        assertTrue(cache.getIfReady(0).isEmpty(), "the least recently used frame went first");
    }

    @Test
    void aFrameThatCannotBeDecodedKeepsItsReason() throws IOException {
        FrameSource source = cine(5);
        FrameCache cache = new FrameCache(source, FrameRenderers.forSource(source), 1 << 20, Runnable::run);
        ExecutionException e = assertThrows(ExecutionException.class, () -> cache.request(4).get());
        assertThat(e.getCause().getMessage()).isEqualTo("frame 5 is cut short: the file holds 8 of its 16 bytes");
        assertThat(cache.failure(4)).hasValue("frame 5 is cut short: the file holds 8 of its 16 bytes");
        assertTrue(cache.request(3).isDone(), "the other frames still decode");
    }

    @Test
    void prefetchQueuesWhatComesNextAndDropsWhatIsNoLongerWanted() throws IOException {
        FrameSource source = cine(5);
        FrameCache cache = new FrameCache(source, FrameRenderers.forSource(source), 1 << 20, queued::add);
        cache.prefetch(dueInTurn(1, 2, 3));
        assertEquals(3, queued.size());
        cache.prefetch(dueInTurn(3, 4));
        runQueued();
        assertTrue(cache.getIfReady(1).isEmpty(), "cancelled before it ran");
        assertTrue(cache.getIfReady(3).isPresent());
        assertTrue(cache.failure(4).isPresent());
    }

    @Test
    void aNewWindowDropsFramesRenderedWithTheOldOne() throws Exception {
        FrameSource source = cine(5);
        GreyscaleRenderer renderer = (GreyscaleRenderer) FrameRenderers.forSource(source);
        FrameCache cache = new FrameCache(source, renderer, 1 << 20, Runnable::run);
        assertEquals(30, cache.request(3).get().argb()[0] & 0xFF);
        cache.setRenderer(renderer.withWindow(new VoiWindow(40.5, 2, VoiWindow.Function.LINEAR)));
        assertTrue(cache.getIfReady(3).isEmpty());
        assertEquals(0, cache.request(3).get().argb()[0] & 0xFF);
    }

    @Test
    void theThreadTakesTheFrameDueSoonestWhateverTheOrderItWasAskedIn() throws Exception {
        FrameSource source = cine(5);
        ManualClock clock = new ManualClock();
        List<Integer> order = new ArrayList<>();
        FrameCache cache = new FrameCache(source, FrameRenderers.forSource(source), 1 << 20, queued::add, clock,
                new DecodeRate(1));
        cache.prefetch(List.of(new FrameCache.Wanted(3, 300_000_000L), new FrameCache.Wanted(1, 100_000_000L),
                new FrameCache.Wanted(2, 200_000_000L)));
        for (Runnable r : new ArrayList<>(queued)) {
            r.run();
            for (int i = 1; i <= 3; i++) {
                if (cache.isReady(i) && !order.contains(i)) {
                    order.add(i);
                }
            }
        }
        assertEquals(List.of(1, 2, 3), order);
    }

    @Test
    void aPrefetchedFrameWhoseTimeHasPassedIsNotDecoded() throws Exception {
        FrameSource source = cine(5);
        ManualClock clock = new ManualClock();
        FrameCache cache = new FrameCache(source, FrameRenderers.forSource(source), 1 << 20, queued::add, clock,
                new DecodeRate(1));
        cache.prefetch(List.of(new FrameCache.Wanted(1, 10_000_000L), new FrameCache.Wanted(2, 50_000_000L)));
        clock.advanceMs(20);
        runQueued();
        assertTrue(cache.getIfReady(1).isEmpty(), "due at 10 ms, a thread was free only at 20 ms");
        assertTrue(cache.getIfReady(2).isPresent());
        assertEquals(1, cache.droppedLateCount());
        assertEquals(1, cache.decodedCount());
    }

    @Test
    void askingAloneCancelsEverythingElseStillQueued() throws Exception {
        FrameSource source = cine(5);
        FrameCache cache = new FrameCache(source, FrameRenderers.forSource(source), 1 << 20, queued::add);
        var first = cache.request(1);
        cache.request(2);
        var last = cache.requestAlone(3);
        assertTrue(first.isCancelled());
        assertEquals(1, cache.queuedCount());
        runQueued();
        assertEquals(30, last.get().argb()[0] & 0xFF);
        assertEquals(1, cache.decodedCount());
    }

    @Test
    void framesOfAnOldRendererStayShowableUntilTheNewOnesArrive() throws Exception {
        FrameSource source = cine(5);
        GreyscaleRenderer renderer = (GreyscaleRenderer) FrameRenderers.forSource(source);
        FrameCache cache = new FrameCache(source, renderer, 1 << 20, Runnable::run);
        cache.request(2).get();
        cache.setRenderer(new org.sonocine.imaging.ScaledRenderer(renderer, 2, 2));
        assertTrue(cache.getIfReady(2).isEmpty());
        assertEquals(4, cache.getAny(2).orElseThrow().width(), "the old size, to show meanwhile");
        cache.request(2).get();
        assertEquals(2, cache.getAny(2).orElseThrow().width(), "replaced by the new rendering");
    }

    @Test
    void aFrameRenderedAtFullSizeIsResizedForADisplaySizeNotDecodedAgain() throws Exception {
        FrameSource source = cine(5);
        GreyscaleRenderer renderer = (GreyscaleRenderer) FrameRenderers.forSource(source);
        FrameCache cache = new FrameCache(source, renderer, 1 << 20, Runnable::run);
        // Frame 5 is cut short in the file: only a frame that is not decoded again can come out whole.
        int[] grey77 = new int[16];
        java.util.Arrays.fill(grey77, 0xFF4D4D4D);
        cache.offerFullSize(4, renderer, new DisplayFrame(4, 4, 4, grey77));
        cache.setRenderer(new org.sonocine.imaging.ScaledRenderer(renderer, 2, 2));
        DisplayFrame resized = cache.request(4).get();
        assertEquals(2, resized.width());
        assertThat(resized.argb()).containsOnly(0xFF4D4D4D);
    }

    @Test
    void aFrameRenderedAtFullSizeIsCopiedWhenTheDisplaySizeIsItsOwn() throws Exception {
        FrameSource source = cine(5);
        GreyscaleRenderer renderer = (GreyscaleRenderer) FrameRenderers.forSource(source);
        long frameBytes = 16 * 4;
        FrameCache cache = new FrameCache(source, renderer, frameBytes, Runnable::run);
        int[] offered = new int[16];
        java.util.Arrays.fill(offered, 0xFF4D4D4D);
        cache.offerFullSize(2, renderer, new DisplayFrame(2, 4, 4, offered));
        cache.setRenderer(new org.sonocine.imaging.ScaledRenderer(renderer, 4, 4));

        assertThat(cache.request(2).get().argb()).isNotSameAs(offered).containsOnly(0xFF4D4D4D);
        // Evicted, the cache's copy goes back to the pool and is written over by the next frame: not the offered one.
        cache.request(3).get();
        cache.request(1).get();
        assertThat(offered).as("the owner's frame is never handed to the pool").containsOnly(0xFF4D4D4D);
    }

    @Test
    void aFrameRenderedAtFullSizeByAnotherRendererIsDecodedAgain() throws Exception {
        FrameSource source = cine(5);
        GreyscaleRenderer renderer = (GreyscaleRenderer) FrameRenderers.forSource(source);
        FrameCache cache = new FrameCache(source, renderer, 1 << 20, Runnable::run);
        cache.offerFullSize(2, renderer, new DisplayFrame(2, 4, 4, new int[16]));
        GreyscaleRenderer otherWindow = renderer.withWindow(new VoiWindow(100, 50, VoiWindow.Function.LINEAR));
        cache.setRenderer(new org.sonocine.imaging.ScaledRenderer(otherWindow, 2, 2));
        assertThat(cache.request(2).get().argb()).as("decoded with the new window, not the black frame told")
                .doesNotContain(0);
        cache.setRenderer(new org.sonocine.imaging.ScaledRenderer(renderer, 2, 2));
        assertThat(cache.request(4)).as("another frame than the one told is decoded (and is cut short)")
                .isCompletedExceptionally();
    }

    @Test
    void theFrameOnScreenIsNotReusedWhenItLeavesTheCache() throws Exception {
        FrameSource source = cine(5);
        long frameBytes = 16 * 4;
        FrameCache cache = new FrameCache(source, FrameRenderers.forSource(source), frameBytes, Runnable::run);
        DisplayFrame onScreen = cache.request(0).get();
        cache.pin(onScreen);
        for (int i = 1; i < 4; i++) {
            DisplayFrame next = cache.request(i).get();
            assertThat(next.argb()).as("frame %d got its own array", i).isNotSameAs(onScreen.argb());
        }
        assertEquals(0, onScreen.argb()[0] & 0xFF, "the pixels on screen are still frame 1's");
        cache.pin(cache.getIfReady(3).orElseThrow());
        DisplayFrame after = cache.request(1).get();
        assertThat(after.argb()).as("released once another frame is on screen").isSameAs(onScreen.argb());
    }

    @Test
    void aDecodeThatFinishesAfterCloseHandsOutNoFrame() throws Exception {
        FrameSource source = cine(5);
        FrameCache cache = new FrameCache(source, FrameRenderers.forSource(source), 1 << 20, queued::add);
        var future = cache.request(1);
        cache.close();
        runQueued();
        assertTrue(future.isCompletedExceptionally());
    }

    @Test
    void askingForAFramePlaybackQueuedMakesItUrgentAndNeverDroppedAsLate() throws Exception {
        FrameSource source = cine(5);
        ManualClock clock = new ManualClock();
        FrameCache cache = new FrameCache(source, FrameRenderers.forSource(source), 1 << 20, queued::add, clock,
                new DecodeRate(1));
        cache.prefetch(List.of(new FrameCache.Wanted(2, 10_000_000L)));
        var asked = cache.request(2);
        clock.advanceMs(50);
        runQueued();
        assertEquals(20, asked.get().argb()[0] & 0xFF);
        assertEquals(0, cache.droppedLateCount());
    }
}
