package org.sonocine.export;

import org.sonocine.study.CineTiming;

import java.util.ArrayList;
import java.util.List;

/**
 * The frames of one export in play order, each with how long it stays on screen, timed as the viewer plays the
 * cine: one pass of the trimmed range; a sweep goes forward then back without repeating its end frames, so that
 * a looping GIF turns smoothly.
 *
 * @param shown the frames in play order
 */
public record ExportPlan(List<Shown> shown) {

    /**
     * One frame of the export.
     *
     * @param frame      0-based frame of the file
     * @param durationMs how long it is shown, in ms
     */
    public record Shown(int frame, double durationMs) {
    }

    public ExportPlan {
        if (shown.isEmpty()) {
            throw new IllegalArgumentException("an export needs at least one frame");
        }
        shown = List.copyOf(shown);
    }

    /**
     * The played range of {@code timing}. Each frame lasts until the next one is due (the next frame's interval);
     * the last of a loop lasts the interval back to the first. Coming back in a sweep, each frame is held for the
     * interval it had going forward, as the viewer's clock does.
     */
    public static ExportPlan of(CineTiming timing) {
        double[] intervals = timing.intervalsMs();
        int first = timing.startFrame() - 1;
        int last = timing.stopFrame() - 1;
        List<Shown> shown = new ArrayList<>();
        if (first == last) {
            shown.add(new Shown(first, intervals[first]));
            return new ExportPlan(shown);
        }
        for (int i = first; i < last; i++) {
            shown.add(new Shown(i, intervals[i + 1]));
        }
        if (timing.sequencing() == CineTiming.Sequencing.LOOP) {
            shown.add(new Shown(last, intervals[first]));
        } else {
            shown.add(new Shown(last, intervals[last]));
            for (int i = last - 1; i > first; i--) {
                shown.add(new Shown(i, intervals[i]));
            }
        }
        return new ExportPlan(shown);
    }

    /**
     * The chosen frames in the given order, each shown until the frame after it in the file would be due; the
     * file's last frame for the interval back to the first.
     */
    public static ExportPlan ofFrames(CineTiming timing, List<Integer> frames) {
        double[] intervals = timing.intervalsMs();
        List<Shown> shown = new ArrayList<>(frames.size());
        for (int frame : frames) {
            if (frame < 0 || frame >= intervals.length) {
                throw new IllegalArgumentException("frame " + (frame + 1) + " is outside 1-" + intervals.length);
            }
            shown.add(new Shown(frame, intervals[(frame + 1) % intervals.length]));
        }
        return new ExportPlan(shown);
    }

    public int size() {
        return shown.size();
    }

    /** The frames to render, in play order (a sweep names most of them twice). */
    public List<Integer> frames() {
        return shown.stream().map(Shown::frame).toList();
    }

    /** When entry {@code i} appears, in ms from the start. */
    public double startMs(int i) {
        double t = 0;
        for (int k = 0; k < i; k++) {
            t += shown.get(k).durationMs;
        }
        return t;
    }

    public double totalMs() {
        return startMs(shown.size());
    }

    /**
     * Time stamps in ticks of {@code timescale} per second: element i is when entry i starts, the last element
     * when the export ends. Rounded from the true times, so durations (the differences) carry no drift.
     */
    public long[] ticks(int timescale) {
        long[] ticks = new long[shown.size() + 1];
        double t = 0;
        for (int i = 0; i < shown.size(); i++) {
            t += shown.get(i).durationMs;
            ticks[i + 1] = Math.round(t * timescale / 1000);
        }
        return ticks;
    }

    /**
     * GIF delays, in the format's 1/100 s: each entry ends at its true end time rounded to the nearest 10 ms, so
     * the rounding of one frame is made up by the next and the animation never drifts more than 5 ms from the
     * file's clock.
     */
    public int[] gifDelaysCentiseconds() {
        int[] delays = new int[shown.size()];
        double end = 0;
        long shownUntil = 0;
        for (int i = 0; i < delays.length; i++) {
            end += shown.get(i).durationMs;
            long roundedEnd = Math.round(end / 10);
            delays[i] = (int) Math.min(0xFFFF, roundedEnd - shownUntil);
            shownUntil += delays[i];
        }
        return delays;
    }
}
