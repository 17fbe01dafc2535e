package org.sonocine.imaging;

import org.sonocine.imaging.codec.DecodeException;

/** Turns stored values into a {@link DisplayFrame}: colour conversion, palette lookup, or grey-level windowing. */
public sealed interface FrameRenderer permits ColourRenderer, PaletteRenderer, GreyscaleRenderer, ScaledRenderer {

    /** The frame rendered into a new array. */
    default DisplayFrame render(StoredFrame frame) throws DecodeException {
        return render(frame, PixelMemory.FRESH);
    }

    /** The frame rendered into an array from {@code memory}. */
    DisplayFrame render(StoredFrame frame, PixelMemory memory) throws DecodeException;
}
