package org.sonocine.imaging;

import org.sonocine.imaging.codec.DecodeException;

/**
 * Renders frames at the size they are shown, aspect ratio included, so that drawing them costs nothing more
 * than a copy: another renderer's frames, resized by {@link Resampler}. The full-size frame and the filter's
 * intermediate rows live in per-thread scratch arrays, so only the display-size result takes new memory.
 */
public final class ScaledRenderer implements FrameRenderer {
    /** Per decoding thread: the inner renderer's full-size output and the resampler's rows. */
    private static final class Scratch {
        int[] argb = new int[0];
        float[] rows = new float[0];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final FrameRenderer inner;
    private final int width;
    private final int height;
    private volatile Resampler.Plan plan;

    public ScaledRenderer(FrameRenderer inner, int width, int height) {
        if (inner instanceof ScaledRenderer) {
            throw new IllegalArgumentException("scaling a scaled renderer");
        }
        this.inner = inner;
        this.width = Math.max(1, width);
        this.height = Math.max(1, height);
    }

    /** The renderer whose frames are resized. */
    public FrameRenderer inner() {
        return inner;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    @Override
    public DisplayFrame render(StoredFrame frame, PixelMemory memory) throws DecodeException {
        Scratch scratch = SCRATCH.get();
        DisplayFrame full = inner.render(frame, length -> {
            if (scratch.argb.length < length) {
                scratch.argb = new int[length];
            }
            return scratch.argb;
        });
        return resize(full, memory);
    }

    /**
     * A frame {@link #inner()} rendered at the image's own size, at this renderer's size in an array from
     * {@code memory}: never {@code full}'s own array, which its owner may go on using.
     */
    public DisplayFrame resize(DisplayFrame full, PixelMemory memory) {
        Scratch scratch = SCRATCH.get();
        if (full.width() == width && full.height() == height) {
            int[] out = memory.argb(width * height);
            System.arraycopy(full.argb(), 0, out, 0, out.length);
            return new DisplayFrame(full.index(), width, height, out);
        }
        int rows = full.height() * width * 3;
        if (scratch.rows.length < rows) {
            scratch.rows = new float[rows];
        }
        return Resampler.resize(full, planFor(full), memory.argb(width * height), scratch.rows);
    }

    /** A frame {@link #inner()} rendered, at this renderer's size. */
    public DisplayFrame resize(DisplayFrame frame) {
        return Resampler.resize(frame, width, height);
    }

    private Resampler.Plan planFor(DisplayFrame source) {
        Resampler.Plan p = plan;
        if (p == null || !p.fits(source)) {
            p = new Resampler.Plan(source.width(), source.height(), width, height);
            plan = p;
        }
        return p;
    }
}
