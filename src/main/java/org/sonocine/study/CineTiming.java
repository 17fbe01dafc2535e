package org.sonocine.study;

import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.Tag;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a cine plays, derived once from its header (PS3.3 C.7.6.5 Cine module, C.7.6.6 Multi-frame): the time
 * between frames, the attribute it came from, the trimmed range and loop or sweep.
 *
 * <p>The rate comes from the attribute the Frame Increment Pointer names (Frame Time or Frame Time Vector), else
 * Frame Time, else Cine Rate, else Recommended Display Frame Rate, else {@value #DEFAULT_FPS} frames/s. Values
 * that cannot be intervals (zero, negative, shorter than a millisecond, longer than a minute) are passed over.
 *
 * @param source       keyword of the attribute the intervals came from, or "default"
 * @param intervalsMs  per frame, the time from the previous frame; element 0 is the time from the last frame
 *                     back to the first when looping (a Frame Time Vector's leading 0 becomes the mean interval)
 * @param startFrame   first frame played, 1-based, after Start Trim
 * @param stopFrame    last frame played, 1-based, after Stop Trim
 * @param sequencing   loop (restart at the first frame) or sweep (play back and forth)
 */
public record CineTiming(String source, double[] intervalsMs, int startFrame, int stopFrame, Sequencing sequencing) {

    public static final double DEFAULT_FPS = 30;
    /** Faster than any display shows: a shorter value is a mistake, and would time a video's frames all at 0. */
    private static final double SHORTEST_INTERVAL_MS = 1;
    private static final double LONGEST_INTERVAL_MS = 60_000;
    /*
     * The keywords of the attributes a rate can come from, named here rather than looked up: the dictionary's index
     * costs ~30 ms to build, on the thread that opens the file a viewer was started on (CineTimingTest checks them
     * against the dictionary).
     */
    static final String FRAME_TIME = "FrameTime";
    static final String FRAME_TIME_VECTOR = "FrameTimeVector";
    static final String CINE_RATE = "CineRate";
    static final String RECOMMENDED_DISPLAY_FRAME_RATE = "RecommendedDisplayFrameRate";

    public enum Sequencing {
        LOOP, SWEEP;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static CineTiming of(Attributes ds, int frames) {
        int n = Math.max(1, frames);
        Optional<Found> found = fromPointer(ds, n).or(() -> frameTime(ds, n)).or(() -> vector(ds, n))
                .or(() -> rate(ds, Tag.CineRate, CINE_RATE, n))
                .or(() -> rate(ds, Tag.RecommendedDisplayFrameRate, RECOMMENDED_DISPLAY_FRAME_RATE, n));
        String source;
        double[] intervals;
        if (found.isPresent()) {
            source = found.get().source;
            intervals = found.get().intervals;
        } else {
            source = "default";
            intervals = new double[n];
            Arrays.fill(intervals, 1000 / DEFAULT_FPS);
        }
        int start = clamp(ds.getInt(Tag.StartTrim, 1), 1, n);
        int stop = clamp(ds.getInt(Tag.StopTrim, n), start, n);
        Sequencing sequencing = ds.getInt(Tag.PreferredPlaybackSequencing, 0) == 1 ? Sequencing.SWEEP
                : Sequencing.LOOP;
        return new CineTiming(source, intervals, start, stop, sequencing);
    }

    private record Found(String source, double[] intervals) {
    }

    private static Optional<Found> fromPointer(Attributes ds, int n) {
        for (int pointer : ds.getInts(Tag.FrameIncrementPointer)) {
            if (pointer == Tag.FrameTime) {
                return frameTime(ds, n);
            }
            if (pointer == Tag.FrameTimeVector) {
                return vector(ds, n);
            }
        }
        return Optional.empty();
    }

    private static Optional<Found> frameTime(Attributes ds, int n) {
        double ms = ds.getDouble(Tag.FrameTime);
        if (!plausible(ms)) {
            return Optional.empty();
        }
        double[] intervals = new double[n];
        Arrays.fill(intervals, ms);
        return Optional.of(new Found(FRAME_TIME, intervals));
    }

    private static Optional<Found> vector(Attributes ds, int n) {
        double[] v = ds.getDoubles(Tag.FrameTimeVector);
        if (v.length != n) {
            return Optional.empty();
        }
        double[] intervals = v.clone();
        double sum = 0;
        int counted = 0;
        for (int i = 1; i < n; i++) {
            if (!plausible(intervals[i])) {
                return Optional.empty();
            }
            sum += intervals[i];
            counted++;
        }
        if (!plausible(intervals[0])) {
            if (counted == 0) {
                return Optional.empty();
            }
            intervals[0] = sum / counted;
        }
        return Optional.of(new Found(FRAME_TIME_VECTOR, intervals));
    }

    private static Optional<Found> rate(Attributes ds, int tag, String keyword, int n) {
        double fps = ds.getDouble(tag);
        if (!(fps > 0) || !plausible(1000 / fps)) {
            return Optional.empty();
        }
        double[] intervals = new double[n];
        Arrays.fill(intervals, 1000 / fps);
        return Optional.of(new Found(keyword, intervals));
    }

    private static boolean plausible(double ms) {
        return ms >= SHORTEST_INTERVAL_MS && ms <= LONGEST_INTERVAL_MS;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    public int frames() {
        return intervalsMs.length;
    }

    /**
     * When each frame of the played range starts, in ms after its first frame: element 0 is frame
     * {@code startFrame}, the last is frame {@code stopFrame}.
     */
    public double[] startTimesMs() {
        double[] start = new double[stopFrame - startFrame + 1];
        for (int f = startFrame; f < stopFrame; f++) {
            // intervalsMs is indexed 0-based and holds, for each frame, the time since the one before it.
            start[f - startFrame + 1] = start[f - startFrame] + intervalsMs[f];
        }
        return start;
    }

    /** Frames per second the file asks for: one over the mean interval of the played range. */
    public double framesPerSecond() {
        double sum = 0;
        for (int i = startFrame; i < stopFrame; i++) {
            sum += intervalsMs[i];
        }
        int count = stopFrame - startFrame;
        double mean = count > 0 ? sum / count : intervalsMs[startFrame - 1];
        return 1000 / mean;
    }

    public boolean isDefault() {
        return "default".equals(source);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CineTiming t && t.source.equals(source) && Arrays.equals(t.intervalsMs, intervalsMs)
                && t.startFrame == startFrame && t.stopFrame == stopFrame && t.sequencing == sequencing;
    }

    @Override
    public int hashCode() {
        return source.hashCode() * 31 + Arrays.hashCode(intervalsMs);
    }

    @Override
    public String toString() {
        return "CineTiming[" + source + ", " + String.format(java.util.Locale.ROOT, "%.2f", framesPerSecond())
                + " fps, frames " + startFrame + "-" + stopFrame + ", " + sequencing.json() + "]";
    }
}
