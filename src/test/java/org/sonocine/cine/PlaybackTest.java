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

    private Playback playback(FrameSource source, SimulatedDecoders decoders, DecodeRate rate, long budget)
            throws IOException {
        Playback p = new Playback(source, TestCines.timing(source), FrameRenderers.forSource(source), decoders, rate,
                clock, budget);
        decoders.takeWorkWhileQueued(() -> p.cache().queuedCount());
        return p;
    }

    /** Ticks at the display pulse for {@code ms} of simulated time. */
    private void run(Playback playback, SimulatedDecoders decoders, double ms) {
        run(playback, decoders, ms, PULSE_MS);
    }

    /** Ticks every {@code pulseMs} for {@code ms} of simulated time. */
    private void run(Playback playback, SimulatedDecoders decoders, double ms, double pulseMs) {
        double[] sincePulse = {0};
        decoders.advance(ms, () -> {
            sincePulse[0] += 1;
            if (sincePulse[0] >= pulseMs) {
                sincePulse[0] -= pulseMs;
                playback.tick(screen);
            }
        });
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
        SimulatedDecoders decoders = new SimulatedDecoders(clock, 1, 80);
        Playback playback = playback(source, decoders, DecodeRate.fixed(80_000_000L, 1), 1 << 20);
        playback.play();
        run(playback, decoders, 2000);
        playback.resetCounters();
        int before = shown.size();
        run(playback, decoders, 6000);

        double shownFps = playback.framesShown() / 6.0;
        assertThat(shownFps).as("about the 12.5 frames/s one 80 ms decoder delivers").isBetween(8.0, 12.6);
        assertThat(playback.decodedShare()).as("a share of the frames, not every frame late").isLessThanOrEqualTo(0.5);
        assertThat(longestGapMs(before)).as("no freeze").isLessThanOrEqualTo(250);
        assertThat(playback.framesDropped() + playback.framesShown()).as("every slot is shown or dropped")
                .isBetween(178L, 182L);
        assertThat(playback.cache().droppedLateCount()).as("no decode was wasted on a frame too late to show")
                .isLessThanOrEqualTo(2);
    }

    @Test
    void aDecoderJustShortOfTheRateDropsAFewFramesNotHalfOfThem() throws IOException {
        FrameSource source = TestCines.grey(600, 8);
        SimulatedDecoders decoders = new SimulatedDecoders(clock, 2, 80);
        Playback playback = playback(source, decoders, DecodeRate.fixed(80_000_000L, 2), 1 << 20);
        playback.play();
        run(playback, decoders, 2000);
        playback.resetCounters();
        run(playback, decoders, 6000);
        double shownFps = playback.framesShown() / 6.0;
        assertThat(shownFps).as("two 80 ms decoders deliver 25 frames/s").isBetween(18.0, 25.1);
        assertThat(playback.decodedShare()).isBetween(0.6, 0.85);
    }

    @Test
    void framesThatSlowDisplayPulsesCouldNotShowAreNotDecoded() throws IOException {
        FrameSource source = TestCines.grey(600, 8);
        SimulatedDecoders decoders = new SimulatedDecoders(clock, 2, 10);
        Playback playback = playback(source, decoders, DecodeRate.fixed(10_000_000L, 2), 1 << 20);
        playback.play();
        run(playback, decoders, 2000, 50);
        long decodedBefore = playback.cache().decodedCount();
        playback.resetCounters();
        run(playback, decoders, 6000, 50);
        long decoded = playback.cache().decodedCount() - decodedBefore;
        assertThat(playback.decodedShare()).as("20 pulses/s show at most two frames in three").isLessThan(0.67);
        assertThat(decoded).as("decoded about as many as were shown").isLessThanOrEqualTo(playback.framesShown() * 6 / 5);
        assertThat(longestGapMs(0)).isLessThanOrEqualTo(150);
    }

    @Test
    void aFastEnoughDecoderShowsEveryFrame() throws IOException {
        FrameSource source = TestCines.grey(300, 8);
        SimulatedDecoders decoders = new SimulatedDecoders(clock, 2, 25);
        Playback playback = playback(source, decoders, DecodeRate.fixed(25_000_000L, 2), 1 << 20);
        playback.play();
        run(playback, decoders, 1000);
        playback.resetCounters();
        run(playback, decoders, 5000);
        assertEquals(1, playback.decodedShare());
        assertThat(playback.framesShown()).isBetween(149L, 151L);
        assertEquals(0, playback.framesDropped());
    }

    @Test
    void framesAlreadyDecodedAreShownWithoutDecodingThemAgain() throws IOException {
        FrameSource source = TestCines.grey(20, 8);
        SimulatedDecoders decoders = new SimulatedDecoders(clock, 1, 20);
        Playback playback = playback(source, decoders, DecodeRate.fixed(20_000_000L, 1), 1 << 20);
        playback.play();
        run(playback, decoders, 2000);
        int decodes = decoders.started();
        playback.resetCounters();
        run(playback, decoders, 2000);
        assertEquals(decodes, decoders.started(), "a loop that fits the cache is decoded once");
        assertEquals(0, playback.framesDropped());
    }

    @Test
    void scrubbingDecodesOnlyTheFrameUnderTheThumb() throws IOException {
        FrameSource source = TestCines.grey(300, 8);
        SimulatedDecoders decoders = new SimulatedDecoders(clock, 2, 30);
        Playback playback = playback(source, decoders, DecodeRate.fixed(30_000_000L, 2), 1 << 20);
        for (int frame = 10; frame < 200; frame += 3) {
            playback.seek(frame);
            playback.tick(screen);
            decoders.advance(2, () -> { });
        }
        playback.seek(250);
        playback.tick(screen);
        assertThat(playback.cache().queuedCount()).as("superseded requests are cancelled").isLessThanOrEqualTo(1);
        run(playback, decoders, 100);
        assertEquals(250, shown.get(shown.size() - 1), "the frame where the thumb was let go is on screen");
        assertThat(playback.cache().decodedCount()).as("the frames the thumb rested on while a thread was free,"
                + " not the 64 it passed").isLessThanOrEqualTo(6);
        assertFalse(playback.needsTicks(), "paused on a shown frame, nothing needs to run");
    }

    @Test
    void aBurstOfResizesRendersOnceAtTheFinalSizeAndKeepsTheOldFrameMeanwhile() throws IOException {
        FrameSource source = TestCines.grey(30, 16);
        SimulatedDecoders decoders = new SimulatedDecoders(clock, 1, 10);
        Playback playback = playback(source, decoders, DecodeRate.fixed(10_000_000L, 1), 1 << 20);
        playback.setDisplaySize(16, 16);
        playback.seek(5);
        run(playback, decoders, 50);
        assertEquals(5, shown.get(shown.size() - 1));
        long decodedBefore = playback.cache().decodedCount();
        for (int size = 17; size < 40; size++) {
            playback.setDisplaySize(size, size);
            run(playback, decoders, 10);
        }
        assertTrue(playback.needsTicks(), "a size is settling");
        assertEquals(decodedBefore, playback.cache().decodedCount(), "nothing re-rendered while the size changes");
        assertTrue(playback.cache().getAny(5).isPresent(), "the frame rendered at the old size is still there");
        run(playback, decoders, 300);
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
        SimulatedDecoders decoders = new SimulatedDecoders(clock, 1, 10);
        Playback playback = playback(source, decoders, DecodeRate.fixed(10_000_000L, 1), 1 << 20);
        playback.play();
        assertTrue(playback.needsTicks());
        run(playback, decoders, 500);
        playback.pause();
        run(playback, decoders, 50);
        assertFalse(playback.needsTicks());
        playback.step(1);
        assertTrue(playback.needsTicks(), "the next frame is on its way");
        run(playback, decoders, 50);
        assertFalse(playback.needsTicks());
    }

    @Test
    void longPlaybackReusesFrameArraysInsteadOfAllocating() throws IOException {
        FrameSource source = TestCines.grey(400, 8);
        SimulatedDecoders decoders = new SimulatedDecoders(clock, 2, 10);
        long frameBytes = 8 * 8 * 4;
        Playback playback = playback(source, decoders, DecodeRate.fixed(10_000_000L, 2), 20 * frameBytes);
        playback.play();
        run(playback, decoders, 10_000);
        var pool = playback.cache().pool();
        assertThat(playback.cache().decodedCount()).isGreaterThan(250);
        assertThat(pool.allocated()).as("a cache's worth of arrays, and a few more").isLessThan(40);
        assertThat(playback.cache().usedBytes()).isLessThanOrEqualTo(20 * frameBytes);
    }
}
