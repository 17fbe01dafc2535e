package org.sonocine.export;

import org.sonocine.imaging.DisplayFrame;
import org.sonocine.imaging.FrameRenderer;
import org.sonocine.imaging.FrameRenderers;
import org.sonocine.imaging.FrameSource;
import org.sonocine.imaging.PixelDescription;
import org.sonocine.imaging.ScaledRenderer;
import org.sonocine.imaging.StoredFrame;
import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.study.CineTiming;
import org.sonocine.study.Geometry;


/**
 * Frames as the viewer shows them, for export: the display rendering (the pixels of {@code frames --format png}),
 * resized so that pixels are square (rows stretched by the display aspect) and by the user's scale, with the
 * overlay and measurements drawn in when asked.
 */
public final class ExportRenderer {
    public static final double MIN_SCALE = 0.05;
    public static final double MAX_SCALE = 8;
    /** Larger sides would make files no player opens and memory no machine has. */
    public static final int MAX_SIDE = 8192;
    /** The H.264 encoder overruns its own buffer on smaller frames (a few macroblocks of busy picture). */
    public static final int MIN_VIDEO_SIDE = 32;

    private final FrameRenderer renderer;
    private final boolean monochrome;
    private final int columns;
    private final int rows;
    private final int width;
    private final int height;
    private final OverlayPainter painter;

    private ExportRenderer(FrameRenderer renderer, boolean monochrome, int columns, int rows, int width, int height,
                           OverlayPainter painter) {
        this.renderer = renderer;
        this.monochrome = monochrome;
        this.columns = columns;
        this.rows = rows;
        this.width = width;
        this.height = height;
        this.painter = painter;
    }

    /**
     * A renderer for {@code source} with {@code geometry}'s aspect, times {@code scale}.
     *
     * @throws IllegalArgumentException when the scale or the size it gives is out of range
     */
    public static ExportRenderer of(FrameSource source, Geometry geometry, double scale) throws DecodeException {
        return of(source, geometry, scale, false);
    }

    /**
     * As {@link #of(FrameSource, Geometry, double)}; for {@code video}, both sides rounded to even numbers and at
     * least {@link #MIN_VIDEO_SIDE}.
     */
    public static ExportRenderer of(FrameSource source, Geometry geometry, double scale, boolean video)
            throws DecodeException {
        if (!(scale >= MIN_SCALE && scale <= MAX_SCALE)) {
            throw new IllegalArgumentException("scale " + scale + " is outside " + MIN_SCALE + "-" + MAX_SCALE);
        }
        PixelDescription d = source.header();
        double aspect = geometry.displayAspect() > 0 && Double.isFinite(geometry.displayAspect())
                ? geometry.displayAspect() : 1;
        long width = side(d.columns() * scale, video);
        long height = side(d.rows() * aspect * scale, video);
        if (width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("the exported image would be " + width + " x " + height
                    + " pixels, more than " + MAX_SIDE + " on a side: choose a smaller scale");
        }
        if (video && (width < MIN_VIDEO_SIDE || height < MIN_VIDEO_SIDE)) {
            throw new IllegalArgumentException("the exported image would be " + width + " x " + height
                    + " pixels, fewer than " + MIN_VIDEO_SIDE + " on a side for a video: choose a larger scale, or"
                    + " GIF or PNG");
        }
        FrameRenderer display = FrameRenderers.forSource(source);
        FrameRenderer renderer = width == d.columns() && height == d.rows() ? display
                : new ScaledRenderer(display, (int) width, (int) height);
        return new ExportRenderer(renderer, d.photometric().isMonochrome(), d.columns(), d.rows(), (int) width,
                (int) height, null);
    }

    /**
     * This renderer with {@code burnIn} drawn into each frame, its overlay text timed by {@code timing}. Frames with
     * measurements are written in colour even when the image is grey, since the marks are coloured.
     */
    public ExportRenderer withBurnIn(BurnIn burnIn, CineTiming timing) {
        if (burnIn.isEmpty()) {
            return new ExportRenderer(renderer, monochrome, columns, rows, width, height, null);
        }
        return new ExportRenderer(renderer, monochrome && burnIn.marks().isEmpty(), columns, rows, width, height,
                new OverlayPainter(burnIn, timing, columns, rows, width, height));
    }

    private static long side(double exact, boolean even) {
        return even ? Math.max(2, 2 * Math.round(exact / 2)) : Math.max(1, Math.round(exact));
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public DisplayFrame render(StoredFrame frame) throws DecodeException {
        DisplayFrame shown = renderer.render(frame);
        return painter == null ? shown : painter.paint(shown);
    }

    /** Whether the rendering is grey (written as grey images). */
    public boolean monochrome() {
        return monochrome;
    }
}
