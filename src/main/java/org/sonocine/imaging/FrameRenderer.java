package org.sonocine.imaging;

/** Turns stored values into a {@link DisplayFrame}: colour conversion, palette lookup, or grey-level windowing. */
public sealed interface FrameRenderer permits ColourRenderer, PaletteRenderer, GreyscaleRenderer, ScaledRenderer {

    DisplayFrame render(StoredFrame frame) throws DecodeException;
}
