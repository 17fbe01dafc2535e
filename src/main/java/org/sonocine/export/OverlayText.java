package org.sonocine.export;

import org.sonocine.study.CineTiming;

import java.util.Locale;

/** The overlay's lines, worded once for the viewer and for exported frames. */
public final class OverlayText {
    private OverlayText() {
    }

    /** "Frame 3/40 · 120 ms": the frame (0-based {@code index}) and when it starts in the played range. */
    public static String frameLine(int index, int frames, double startMs) {
        return String.format(Locale.ROOT, "Frame %d/%d  ·  %.0f ms", index + 1, frames, startMs);
    }

    /** "25.0 fps (FrameTime)": the rate the file asks for and the attribute it came from. */
    public static String rateLine(CineTiming timing) {
        return String.format(Locale.ROOT, "%.1f fps (%s)", timing.framesPerSecond(), timing.source());
    }
}
