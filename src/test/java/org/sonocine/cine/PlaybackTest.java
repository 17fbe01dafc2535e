package org.sonocine.cine;

import org.junit.jupiter.api.Test;
import org.sonocine.imaging.DisplayFrame;
import org.sonocine.imaging.FrameRenderer;
import org.sonocine.imaging.FrameRenderers;
import org.sonocine.imaging.FrameSource;
import org.sonocine.imaging.ScaledRenderer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The playback pipeline in simulated time: a manual clock, and decoding threads that take a set time a frame. */
class PlaybackTest {
    private static final double PULSE_MS = 1000.0 / 60;
    private final ManualClock clock = new ManualClock();
    private final List<Integer> shown = new ArrayList<>();
    private final List<Long> shownAt = new ArrayList<>();
    private final Playback.Screen screen = new Playback.Screen() {
        @Override
        public void show(int frame, DisplayFrame image) {
            if (shown.isEmpty() || shown.get(shown.size() - 1) != frame) {
                shown.add(frame);
                shownAt.add(clock.getAsLong());
            }
            assertEquals(frame, image.index(), "the image is the frame it is said to be");
        }

        @Override
        public void showError(int frame, String reason) {
            shown.add(-1);
        }
    };

    private SimulatedDecoders decoders;

    /** The cine's playback, decoded by {@code threads} simulated threads taking {@code frameMs} a frame. */
    private Playback playback(FrameSource source, int threads, int frameMs, long budget) throws IOException {
        decoders = new SimulatedDecoders(clock, threads, frameMs);
        Playback p = new Playback(source, TestCines.timing(source), FrameRenderers.forSource(source), decoders,
                DecodeRate.fixed(frameMs * 1_000_000L, threads), clock, budget);
        decoders.takeWorkWhileQueued(() -> p.cache().queuedCount());
        return p;
    }

    /** Ticks at the display pulse for {@code ms} of simulated time. */
    private void run(Playback playback, double ms) {
        run(playback, ms, PULSE_MS);
    }

    /** Ticks every {@code pulseMs} for {@code ms} of simulated time. */
    private void run(Playback playback, double ms, double pulseMs) {
        double[] sincePulse = {0};
        decoders.advance(ms, () -> {
            sincePulse[0] += 1;
            if (sincePulse[0] >= pulseMs) {
                sincePulse[0] -= pulseMs;
                playback.tick(screen);
            }
        });
    }

    private int shownAtMeasureStart;
    private long decodedAtMeasureStart;

    /** Plays for {@code warmUpMs}, restarts the counters, plays for {@code measureMs}, ticking every {@code pulseMs}. */
    private void playAndMeasure(Playback playback, double warmUpMs, double measureMs, double pulseMs) {
        playback.play();
        run(playback, warmUpMs, pulseMs);
        playback.resetCounters();
        shownAtMeasureStart = shown.size();
        decodedAtMeasureStart = playback.cache().decodedCount();
        run(playback, measureMs, pulseMs);
    }

    private long longestGapMs(int fromShown) {
        long longest = 0;
        for (int i = fromShown + 1; i < shownAt.size(); i++) {
            longest = Math.max(longest, shownAt.get(i) - shownAt.get(i - 1));
        }
        return longest / 1_000_000;
    }

    @Test
    void aDecoderSlowerThanTheCineShowsWhatItCanDecodeAndNeverFreezes() throws IOException {
        FrameSource source = TestCines.grey(300, 8);
        Playback playback = playback(source, 1, 80, 1 << 20);
        playAndMeasure(playback, 2000, 6000, PULSE_MS);
        double shownFps = playback.framesShown() / 6.0;
        assertThat(shownFps).as("about the 12.5 frames/s one 80 ms decoder delivers").isBetween(8.0, 12.6);
        assertThat(playback.decodedShare()).as("a share of the frames, not every frame late").isLessThanOrEqualTo(0.5);
        assertThat(longestGapMs(shownAtMeasureStart)).as("no freeze").isLessThanOrEqualTo(250);
        assertThat(playback.framesDropped() + playback.framesShown()).as("every slot is shown or dropped")
                .isBetween(178L, 182L);
        assertThat(playback.cache().droppedLateCount()).as("no decode was wasted on a frame too late to show")
                .isLessThanOrEqualTo(2);
    }

    @Test
    void aDecoderJustShortOfTheRateDropsAFewFramesNotHalfOfThem() throws IOException {
        FrameSource source = TestCines.grey(600, 8);
        Playback playback = playback(source, 2, 80, 1 << 20);
        playAndMeasure(playback, 2000, 6000, PULSE_MS);
        double shownFps = playback.framesShown() / 6.0;
        assertThat(shownFps).as("two 80 ms decoders deliver 25 frames/s").isBetween(18.0, 25.1);
        assertThat(playback.decodedShare()).isBetween(0.6, 0.85);
    }

    @Test
    void framesThatSlowDisplayPulsesCouldNotShowAreNotDecoded() throws IOException {
        FrameSource source = TestCines.grey(600, 8);
        Playback playback = playback(source, 2, 10, 1 << 20);
        playAndMeasure(playback, 2000, 6000, 50);
        long decoded = playback.cache().decodedCount() - decodedAtMeasureStart;
        assertThat(playback.decodedShare()).as("20 pulses/s show at most two frames in three").isLessThan(0.67);
        assertThat(decoded).as("decoded about as many as were shown").isLessThanOrEqualTo(playback.framesShown() * 6 / 5);
        assertThat(longestGapMs(shownAtMeasureStart)).isLessThanOrEqualTo(150);
    }

    @Test
    void aLoopShorterThanOneDecodeIsDecodedOnceAndThenPlaysInFull() throws IOException {
        FrameSource source = TestCines.grey(2, 8);
        Playback playback = playback(source, 1, 500, 1 << 20);
        playAndMeasure(playback, 3000, 2000, PULSE_MS);
        assertThat(shown.subList(shownAtMeasureStart, shown.size())).as("both frames in turn, not frame 1 for ever")
                .contains(0, 1);
        assertThat(playback.framesShown()).as("every slot of 2 s at 30 frames/s once both are kept")
                .isBetween(58L, 61L);
        assertEquals(2, playback.cache().decodedCount(), "each frame decoded once");
    }

    @Test
    void aFastEnoughDecoderShowsEveryFrame() throws IOException {
        FrameSource source = TestCines.grey(300, 8);
        Playback playback = playback(source, 2, 25, 1 << 20);
        playAndMeasure(playback, 1000, 5000, PULSE_MS);
        assertEquals(1, playback.decodedShare());
        assertThat(playback.framesShown()).isBetween(149L, 151L);
        assertEquals(0, playback.framesDropped());
    }

    @Test
    void framesAlreadyDecodedAreShownWithoutDecodingThemAgain() throws IOException {
        FrameSource source = TestCines.grey(20, 8);
        Playback playback = playback(source, 1, 20, 1 << 20);
        playAndMeasure(playback, 2000, 2000, PULSE_MS);
        assertEquals(decodedAtMeasureStart, playback.cache().decodedCount(), "a loop that fits the cache is decoded once");
        assertEquals(0, playback.framesDropped());
    }

    @Test
    void scrubbingDecodesOnlyTheFrameUnderTheThumb() throws IOException {
        FrameSource source = TestCines.grey(300, 8);
        Playback playback = playback(source, 2, 30, 1 << 20);
        for (int frame = 10; frame < 200; frame += 3) {
            playback.seek(frame);
            playback.tick(screen);
            decoders.advance(2, () -> { });
        }
        playback.seek(250);
        playback.tick(screen);
        assertThat(playback.cache().queuedCount()).as("superseded requests are cancelled").isLessThanOrEqualTo(1);
        run(playback, 100);
        assertEquals(250, shown.get(shown.size() - 1), "the frame where the thumb was let go is on screen");
        assertThat(playback.cache().decodedCount()).as("the frames the thumb rested on while a thread was free,"
                + " not the 64 it passed").isLessThanOrEqualTo(6);
        assertFalse(playback.needsTicks(), "paused on a shown frame, nothing needs to run");
    }

    @Test
    void aBurstOfResizesRendersOnceAtTheFinalSizeAndKeepsTheOldFrameMeanwhile() throws IOException {
        FrameSource source = TestCines.grey(30, 16);
        Playback playback = playback(source, 1, 10, 1 << 20);
        playback.setDisplaySize(16, 16);
        playback.seek(5);
        run(playback, 50);
        assertEquals(5, shown.get(shown.size() - 1));
        long decodedBefore = playback.cache().decodedCount();
        for (int size = 17; size < 40; size++) {
            playback.setDisplaySize(size, size);
            run(playback, 10);
        }
        assertTrue(playback.needsTicks(), "a size is settling");
        assertEquals(decodedBefore, playback.cache().decodedCount(), "nothing re-rendered while the size changes");
        assertTrue(playback.cache().getAny(5).isPresent(), "the frame rendered at the old size is still there");
        run(playback, 300);
        FrameRenderer renderer = playback.cache().renderer();
        assertThat(renderer).isInstanceOf(ScaledRenderer.class);
        assertEquals(39, ((ScaledRenderer) renderer).width());
        assertEquals(decodedBefore + 1, playback.cache().decodedCount(), "one re-render, at the settled size");
        assertEquals(39, playback.cache().getIfReady(5).orElseThrow().width());
        assertFalse(playback.needsTicks());
    }

    @Test
    void pausedOnAShownFrameNothingNeedsToRun() throws IOException {
        FrameSource source = TestCines.grey(30, 8);
        Playback playback = playback(source, 1, 10, 1 << 20);
        playback.play();
        assertTrue(playback.needsTicks());
        run(playback, 500);
        playback.pause();
        run(playback, 50);
        assertFalse(playback.needsTicks());
        playback.step(1);
        assertTrue(playback.needsTicks(), "the next frame is on its way");
        run(playback, 50);
        assertFalse(playback.needsTicks());
    }

    @Test
    void longPlaybackReusesFrameArraysInsteadOfAllocating() throws IOException {
        FrameSource source = TestCines.grey(400, 8);
        long frameBytes = 8 * 8 * 4;
        Playback playback = playback(source, 2, 10, 20 * frameBytes);
        playback.play();
        run(playback, 10_000);
        var pool = playback.cache().pool();
        assertThat(playback.cache().decodedCount()).isGreaterThan(250);
        assertThat(pool.allocated()).as("a cache's worth of arrays, and a few more").isLessThan(40);
        assertThat(playback.cache().usedBytes()).isLessThanOrEqualTo(20 * frameBytes);
    }

    @Test
    void aFrameThatCannotBeDecodedShowsItsReasonEvenWhenItFailsAtOnce() throws IOException {
        FrameSource source = TestCines.grey(5, 4, 8);
        Playback playback = new Playback(source, TestCines.timing(source), FrameRenderers.forSource(source),
                Runnable::run, DecodeRate.fixed(1_000_000L, 1), clock, 1 << 20);
        playback.seek(4);
        playback.tick(screen);
        assertTrue(playback.needsTicks(), "the failure is known but not yet on screen");
        playback.tick(screen);
        assertEquals(-1, shown.get(shown.size() - 1), "the reason is shown in place of the image");
        assertFalse(playback.needsTicks());
    }

    @Test
    void pausingOnAFramePlaybackHadQueuedDecodesItFirst() throws IOException {
        FrameSource source = TestCines.grey(300, 8);
        Playback playback = playback(source, 1, 80, 1 << 20);
        playback.play();
        run(playback, 1000);
        assertThat(playback.cache().queuedCount()).as("playback has frames queued").isGreaterThan(2);
        int target = -1;
        for (long o = playback.player().ordinal() + 1; o < playback.player().ordinal() + 30; o++) {
            int frame = playback.player().frameOfOrdinal(o);
            if (playback.cache().isPending(frame)) {
                target = frame;
            }
        }
        assertThat(target).as("the last frame queued for playback").isGreaterThanOrEqualTo(0);
        playback.seek(target);
        playback.tick(screen);
        assertThat(playback.cache().queuedCount()).as("the prefetches are cancelled").isLessThanOrEqualTo(1);
        run(playback, 180);
        assertEquals(target, shown.get(shown.size() - 1), "on screen within the decode under way and its own");
    }

    @Test
    void aCineAsFastAsTheDisplayShowsEveryFrame() throws IOException {
        FrameSource source = TestCines.grey(300, 8);
        Playback playback = playback(source, 2, 5, 1 << 20);
        playback.setSpeed(2);
        playAndMeasure(playback, 1000, 5000, PULSE_MS);
        assertEquals(1, playback.decodedShare(), "60 frames/s on 60 pulses/s");
        assertThat(playback.framesDropped()).isLessThanOrEqualTo(3);
    }
}
