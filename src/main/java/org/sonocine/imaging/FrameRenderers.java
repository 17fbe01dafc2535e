package org.sonocine.imaging;

import org.sonocine.imaging.codec.DecodeException;

/** Chooses the renderer for a file's frames from its photometric interpretation. */
public final class FrameRenderers {
    private FrameRenderers() {
    }

    public static FrameRenderer forSource(FrameSource source, GreyscaleRenderer.VoiChoice choice)
            throws DecodeException {
        Photometric p = source.header().photometric();
        if (p == Photometric.PALETTE_COLOR) {
            return new PaletteRenderer(PaletteLut.of(source.dataset()));
        }
        if (p.isMonochrome() || source.header().samplesPerPixel() == 1) {
            return new GreyscaleRenderer(source.dataset(), choice);
        }
        return new ColourRenderer();
    }

    public static FrameRenderer forSource(FrameSource source) throws DecodeException {
        return forSource(source, GreyscaleRenderer.VoiChoice.FROM_FILE);
    }
}
