package org.sonocine.imaging;

/**
 * Renders frames at the size they are shown, aspect ratio included, so that drawing them costs nothing more
 * than a copy: another renderer's frames, resized by {@link Resampler}.
 */
public final class ScaledRenderer implements FrameRenderer {
    private final FrameRenderer inner;
    private final int width;
    private final int height;

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
    public DisplayFrame render(StoredFrame frame) throws DecodeException {
        return resize(inner.render(frame));
    }

    /** A frame {@link #inner()} rendered, at this renderer's size. */
    public DisplayFrame resize(DisplayFrame frame) {
        return Resampler.resize(frame, width, height);
    }
}
