package org.sonocine.cine;

import org.sonocine.study.CineTiming;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * The cine clock. Playback position is a time on the cine's own timeline, advanced by real time times the speed;
 * the frame shown is the one whose time has come. When decoding or drawing falls behind, frames are skipped
 * rather than the cine slowed down. Loops restart at the first frame of the trimmed range; sweeps play back and
 * forth. Not thread-safe: drive it from one thread (the UI's).
 */
public final class CinePlayer {
    public static final double MIN_SPEED = 0.25;
    public static final double MAX_SPEED = 4;

    private final CineTiming timing;
    private final LongSupplier nanoClock;
    private final int first;
    private final int last;
    /** Time (ms) at which each frame of the played range starts, relative to the first frame. */
    private final double[] startMs;
    private final double loopMs;
    private CineTiming.Sequencing sequencing;
    private double speed = 1;
    private boolean playing;
    private double anchorMs;
    private long anchorNanos;
    private int frame;

    public CinePlayer(CineTiming timing, LongSupplier nanoClock) {
        this.timing = timing;
        this.nanoClock = nanoClock;
        this.first = timing.startFrame() - 1;
        this.last = timing.stopFrame() - 1;
        this.sequencing = timing.sequencing();
        startMs = timing.startTimesMs();
        loopMs = startMs[startMs.length - 1] + timing.intervalsMs()[first];
        frame = first;
    }

    public CineTiming timing() {
        return timing;
    }

    /** The frame to show now (0-based); advances the clock when playing. */
    public int tick() {
        if (playing) {
            frame = frameAt(positionMs());
        }
        return frame;
    }

    public int frame() {
        return frame;
    }

    public boolean isPlaying() {
        return playing;
    }

    public void play() {
        if (!playing) {
            anchorMs = startMs[frame - first];
            anchorNanos = nanoClock.getAsLong();
            playing = true;
        }
    }

    public void pause() {
        if (playing) {
            frame = frameAt(positionMs());
            playing = false;
        }
    }

    public void togglePlay() {
        if (playing) {
            pause();
        } else {
            play();
        }
    }

    /** Shows frame {@code index} (clamped to the played range); playback, if on, continues from there. */
    public void seek(int index) {
        frame = Math.max(first, Math.min(last, index));
        anchorMs = startMs[frame - first];
        anchorNanos = nanoClock.getAsLong();
    }

    /** Pauses and moves one frame forward or back, wrapping around the played range. */
    public void step(int delta) {
        pause();
        int count = last - first + 1;
        int offset = Math.floorMod(frame - first + delta, count);
        seek(first + offset);
    }

    public void firstFrame() {
        pause();
        seek(first);
    }

    public void lastFrame() {
        pause();
        seek(last);
    }

    public double speed() {
        return speed;
    }

    /** Sets the speed factor (clamped to 0.25-4) without a jump in position. */
    public void setSpeed(double value) {
        if (playing) {
            anchorMs = positionMs();
            anchorNanos = nanoClock.getAsLong();
        }
        speed = Math.max(MIN_SPEED, Math.min(MAX_SPEED, value));
    }

    public CineTiming.Sequencing sequencing() {
        return sequencing;
    }

    public void setSequencing(CineTiming.Sequencing value) {
        if (playing) {
            anchorMs = startMs[frame - first];
            anchorNanos = nanoClock.getAsLong();
        }
        sequencing = value;
    }

    public int firstPlayed() {
        return first;
    }

    public int lastPlayed() {
        return last;
    }

    /** Time of frame {@code index} from the first played frame, in ms. */
    public double timeOfFrameMs(int index) {
        int i = Math.max(first, Math.min(last, index));
        return startMs[i - first];
    }

    /** Frames per second the cine asks for at the current speed. */
    public double targetFramesPerSecond() {
        return timing.framesPerSecond() * speed;
    }

    /**
     * Where playback is in play order: the count of frame slots from the start of the timeline (0 is the first
     * played frame; a loop counts on through its repeats, a sweep through its returns). Stepping through
     * ordinals visits the frames in the order they are due, so the frames between two shown ordinals are the
     * frames dropped.
     */
    public long ordinal() {
        return playing ? ordinalAt(positionMs()) : frame - first;
    }

    /** The frame (0-based) shown in play-order slot {@code ordinal}. */
    public int frameOfOrdinal(long ordinal) {
        int n = startMs.length;
        if (n == 1) {
            return first;
        }
        long perCycle = sequencing == CineTiming.Sequencing.LOOP ? n : 2L * (n - 1);
        int w = (int) Math.floorMod(ordinal, perCycle);
        return first + (w <= n - 1 ? w : 2 * (n - 1) - w);
    }

    /**
     * The clock reading (as the injected clock counts, in ns) at which slot {@code ordinal} is due, at the
     * current speed; in the past for slots already passed.
     */
    public long dueNanos(long ordinal) {
        double ms = timeOfOrdinalMs(ordinal);
        long now = nanoClock.getAsLong();
        double position = playing ? positionMs() : startMs[frame - first];
        return now + (long) ((ms - position) / speed * 1e6);
    }

    /** How long one slot lasts on average at the current speed, in ns. */
    public double slotNanos() {
        return 1e9 / Math.max(1e-6, targetFramesPerSecond());
    }

    private long ordinalAt(double positionMs) {
        int n = startMs.length;
        if (n == 1) {
            return 0;
        }
        double p = Math.max(0, positionMs);
        if (sequencing == CineTiming.Sequencing.LOOP) {
            long cycle = (long) Math.floor(p / loopMs);
            return cycle * n + indexAt(p - cycle * loopMs);
        }
        double end = startMs[n - 1];
        double period = 2 * end;
        long cycle = (long) Math.floor(p / period);
        double q = p - cycle * period;
        long within = q <= end ? indexAt(q) : 2L * (n - 1) - indexAtOrAfter(period - q);
        return cycle * 2L * (n - 1) + within;
    }

    private double timeOfOrdinalMs(long ordinal) {
        int n = startMs.length;
        if (n == 1) {
            return 0;
        }
        if (sequencing == CineTiming.Sequencing.LOOP) {
            long cycle = Math.floorDiv(ordinal, n);
            return cycle * loopMs + startMs[(int) Math.floorMod(ordinal, n)];
        }
        double period = 2 * startMs[n - 1];
        long perCycle = 2L * (n - 1);
        long cycle = Math.floorDiv(ordinal, perCycle);
        int w = (int) Math.floorMod(ordinal, perCycle);
        return cycle * period + (w <= n - 1 ? startMs[w] : period - startMs[2 * (n - 1) - w]);
    }

    private double positionMs() {
        return anchorMs + (nanoClock.getAsLong() - anchorNanos) / 1e6 * speed;
    }

    private int frameAt(double positionMs) {
        if (last == first) {
            return first;
        }
        double end = startMs[startMs.length - 1];
        if (sequencing == CineTiming.Sequencing.LOOP) {
            return first + indexAt(positionMs % loopMs);
        }
        double period = 2 * end;
        double p = positionMs % period;
        if (p <= end) {
            return first + indexAt(p);
        }
        // Coming back: the same frames in reverse, each held for the interval it had going forward.
        return first + indexAtOrAfter(period - p);
    }

    /** Index of the first frame that starts at or after {@code t}. */
    private int indexAtOrAfter(double t) {
        int i = Arrays.binarySearch(startMs, t);
        return i >= 0 ? i : Math.min(startMs.length - 1, -i - 1);
    }

    /** Index (within the played range) of the last frame that starts at or before {@code t}. */
    private int indexAt(double t) {
        int i = Arrays.binarySearch(startMs, t);
        return i >= 0 ? i : Math.max(0, -i - 2);
    }
}
