package org.sonocine.cine;

import org.junit.jupiter.api.Test;
import org.sonocine.study.CineTiming;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class CinePlayerTest {
    private final ManualClock clock = new ManualClock();

    private static CineTiming every(double ms, int frames, int start, int stop, CineTiming.Sequencing sequencing) {
        double[] intervals = new double[frames];
        Arrays.fill(intervals, ms);
        return new CineTiming("FrameTime", intervals, start, stop, sequencing);
    }

    @Test
    void playsOnTheFilesClock() {
        CinePlayer player = new CinePlayer(every(100, 10, 1, 10, CineTiming.Sequencing.LOOP), clock);
        player.play();
        assertEquals(0, player.tick());
        clock.advanceMs(99);
        assertEquals(0, player.tick());
        clock.advanceMs(1);
        assertEquals(1, player.tick());
        clock.advanceMs(250);
        assertEquals(3, player.tick());
    }

    @Test
    void dropsFramesToStayInRealTimeWhenTicksComeLate() {
        CinePlayer player = new CinePlayer(every(10, 100, 1, 100, CineTiming.Sequencing.LOOP), clock);
        player.play();
        clock.advanceMs(505);
        assertEquals(50, player.tick(), "half a second later it is frame 50, however few ticks came between");
    }

    @Test
    void loopsBackToTheFirstFrameOfTheTrimmedRange() {
        CinePlayer player = new CinePlayer(every(100, 10, 3, 5, CineTiming.Sequencing.LOOP), clock);
        assertEquals(2, player.tick());
        player.play();
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            shown.add(player.tick());
            clock.advanceMs(100);
        }
        assertEquals(List.of(2, 3, 4, 2, 3, 4, 2), shown);
    }

    @Test
    void sweepsBackAndForth() {
        CinePlayer player = new CinePlayer(every(100, 3, 1, 3, CineTiming.Sequencing.SWEEP), clock);
        player.play();
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            clock.advanceMs(50);
            shown.add(player.tick());
            clock.advanceMs(50);
        }
        assertEquals(List.of(0, 1, 2, 1, 0, 1, 2, 1, 0), shown);
    }

    @Test
    void perFrameIntervalsAreHonoured() {
        CineTiming timing = new CineTiming("FrameTimeVector", new double[] {40, 10, 30, 20}, 1, 4,
                CineTiming.Sequencing.LOOP);
        CinePlayer player = new CinePlayer(timing, clock);
        player.play();
        clock.advanceMs(10);
        assertEquals(1, player.tick());
        clock.advanceMs(29);
        assertEquals(1, player.tick());
        clock.advanceMs(1);
        assertEquals(2, player.tick());
        clock.advanceMs(20);
        assertEquals(3, player.tick());
        clock.advanceMs(40);
        assertEquals(0, player.tick(), "the last frame is held for the first frame's interval before looping");
    }

    @Test
    void speedScalesTheClockWithoutAJump() {
        CinePlayer player = new CinePlayer(every(100, 20, 1, 20, CineTiming.Sequencing.LOOP), clock);
        player.play();
        clock.advanceMs(250);
        assertEquals(2, player.tick());
        player.setSpeed(2);
        assertEquals(2, player.tick());
        clock.advanceMs(100);
        assertEquals(4, player.tick());
        player.setSpeed(10);
        assertEquals(CinePlayer.MAX_SPEED, player.speed());
        assertEquals(30 * 4, player.targetFramesPerSecond() * 3, 1e-9);
    }

    @Test
    void steppingPausesAndWraps() {
        CinePlayer player = new CinePlayer(every(100, 5, 1, 5, CineTiming.Sequencing.LOOP), clock);
        player.play();
        player.step(-1);
        assertFalse(player.isPlaying());
        assertEquals(4, player.frame());
        player.step(1);
        assertEquals(0, player.frame());
        player.lastFrame();
        assertEquals(4, player.frame());
        player.seek(2);
        assertEquals(200, player.timeOfFrameMs(2), 1e-9);
        player.play();
        clock.advanceMs(100);
        assertEquals(3, player.tick(), "playing resumes from the frame sought");
    }

    @Test
    void ordinalsCountSlotsInPlayOrderThroughLoops() {
        CinePlayer player = new CinePlayer(every(100, 5, 1, 5, CineTiming.Sequencing.LOOP), clock);
        player.play();
        clock.advanceMs(1250);
        assertEquals(12, player.ordinal(), "two loops of five, and two frames more");
        assertEquals(player.tick(), player.frameOfOrdinal(12));
        assertEquals(2, player.frameOfOrdinal(12));
    }

    @Test
    void ordinalsOfASweepGoBackThroughTheFrames() {
        CinePlayer player = new CinePlayer(every(100, 4, 1, 4, CineTiming.Sequencing.SWEEP), clock);
        player.play();
        List<Integer> frames = new ArrayList<>();
        for (long o = 0; o < 8; o++) {
            frames.add(player.frameOfOrdinal(o));
        }
        assertEquals(List.of(0, 1, 2, 3, 2, 1, 0, 1), frames);
        for (int ms = 0; ms < 1200; ms += 50) {
            assertEquals(player.tick(), player.frameOfOrdinal(player.ordinal()), "at " + ms + " ms");
            clock.advanceMs(50);
        }
    }

    @Test
    void eachSlotIsDueWhenTheClockReachesItsTime() {
        CinePlayer player = new CinePlayer(every(100, 5, 1, 5, CineTiming.Sequencing.LOOP), clock);
        player.play();
        long start = clock.getAsLong();
        assertEquals(start + 700_000_000L, player.dueNanos(7));
        player.setSpeed(2);
        assertEquals(start + 350_000_000L, player.dueNanos(7), "twice as fast, due in half the time");
        clock.advanceMs(350);
        assertEquals(7, player.ordinal());
    }
}
