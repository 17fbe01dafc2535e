package org.sonocine.export;

import org.junit.jupiter.api.Test;
import org.sonocine.study.CineTiming;
import org.sonocine.study.CineTiming.Sequencing;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExportPlanTest {

    private static CineTiming constant(int frames, double ms, int start, int stop, Sequencing sequencing) {
        double[] intervals = new double[frames];
        Arrays.fill(intervals, ms);
        return new CineTiming("FrameTime", intervals, start, stop, sequencing);
    }

    private static double[] durations(ExportPlan plan) {
        return plan.shown().stream().mapToDouble(ExportPlan.Shown::durationMs).toArray();
    }

    @Test
    void aConstantFrameTimeShowsEveryFrameOnceForThatTime() {
        ExportPlan plan = ExportPlan.of(constant(4, 40, 1, 4, Sequencing.LOOP));
        assertEquals(List.of(0, 1, 2, 3), plan.frames());
        assertArrayEquals(new double[] {40, 40, 40, 40}, durations(plan));
        assertEquals(160, plan.totalMs(), 1e-9);
    }

    @Test
    void aFrameTimeVectorHoldsEachFrameUntilTheNextIsDueAndTheLastForTheIntervalBackToTheFirst() {
        // Element i is the time from frame i-1 to frame i; element 0 the time from the last back to the first.
        CineTiming timing = new CineTiming("FrameTimeVector", new double[] {25, 10, 20, 30}, 1, 4, Sequencing.LOOP);
        ExportPlan plan = ExportPlan.of(timing);
        assertEquals(List.of(0, 1, 2, 3), plan.frames());
        assertArrayEquals(new double[] {10, 20, 30, 25}, durations(plan));
        assertEquals(30, plan.startMs(2), 1e-9);
    }

    @Test
    void theTrimmedRangeIsAllThatIsExported() {
        CineTiming timing = new CineTiming("FrameTimeVector", new double[] {5, 10, 20, 30, 40, 50}, 2, 4,
                Sequencing.LOOP);
        ExportPlan plan = ExportPlan.of(timing);
        assertEquals(List.of(1, 2, 3), plan.frames());
        // Frame 4 (0-based 3) goes back to frame 2: the interval before the first played frame, as the player has it.
        assertArrayEquals(new double[] {20, 30, 10}, durations(plan));
    }

    @Test
    void aSweepPlaysForwardThenBackEachFrameHeldForItsForwardInterval() {
        CineTiming timing = new CineTiming("FrameTimeVector", new double[] {0, 10, 20, 30, 40}, 1, 5,
                Sequencing.SWEEP);
        ExportPlan plan = ExportPlan.of(timing);
        assertEquals(List.of(0, 1, 2, 3, 4, 3, 2, 1), plan.frames());
        assertArrayEquals(new double[] {10, 20, 30, 40, 40, 30, 20, 10}, durations(plan));
        // One period of the viewer's sweep: twice the time from the first frame to the last.
        assertEquals(2 * (10 + 20 + 30 + 40), plan.totalMs(), 1e-9);
    }

    @Test
    void aTrimmedSweepTurnsAtItsTrimmedEnds() {
        ExportPlan plan = ExportPlan.of(constant(10, 20, 3, 5, Sequencing.SWEEP));
        assertEquals(List.of(2, 3, 4, 3), plan.frames());
        assertArrayEquals(new double[] {20, 20, 20, 20}, durations(plan));
    }

    @Test
    void aSingleFrameRangeIsOneFrame() {
        ExportPlan plan = ExportPlan.of(constant(10, 50, 7, 7, Sequencing.SWEEP));
        assertEquals(List.of(6), plan.frames());
        assertArrayEquals(new double[] {50}, durations(plan));
    }

    @Test
    void chosenFramesKeepTheirOrderAndEachItsOwnInterval() {
        CineTiming timing = new CineTiming("FrameTimeVector", new double[] {5, 10, 20, 30}, 1, 4, Sequencing.SWEEP);
        ExportPlan plan = ExportPlan.ofFrames(timing, List.of(3, 0, 1));
        assertEquals(List.of(3, 0, 1), plan.frames());
        assertArrayEquals(new double[] {5, 10, 20}, durations(plan));
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> ExportPlan.ofFrames(timing, List.of(4)));
        assertEquals("frame 5 is outside 1-4", outside.getMessage());
    }

    @Test
    void gifDelaysCarryTheRoundingForwardInsteadOfDrifting() {
        ExportPlan plan = ExportPlan.of(constant(300, 1000.0 / 30, 1, 300, Sequencing.LOOP));
        int[] delays = plan.gifDelaysCentiseconds();
        assertArrayEquals(new int[] {3, 4, 3, 3, 4, 3}, Arrays.copyOf(delays, 6));
        long elapsedCs = 0;
        for (int i = 0; i < delays.length; i++) {
            elapsedCs += delays[i];
            assertThat(Math.abs(elapsedCs * 10 - plan.startMs(i + 1))).as("error after frame %d", i)
                    .isLessThan(10);
        }
        // Rounding every frame to 3 cs on its own would have lost 10 s in 300 frames.
        assertEquals(1000, elapsedCs);
    }

    @Test
    void gifDelaysFollowIrregularIntervalsWithoutDrift() {
        double[] intervals = new double[200];
        for (int i = 0; i < intervals.length; i++) {
            intervals[i] = 13.7 + (i * 7 % 11) * 2.9;
        }
        ExportPlan plan = ExportPlan.of(new CineTiming("FrameTimeVector", intervals, 1, 200, Sequencing.SWEEP));
        int[] delays = plan.gifDelaysCentiseconds();
        long elapsedCs = 0;
        for (int i = 0; i < delays.length; i++) {
            elapsedCs += delays[i];
            assertThat(Math.abs(elapsedCs * 10 - plan.startMs(i + 1))).isLessThanOrEqualTo(5);
        }
    }
}
