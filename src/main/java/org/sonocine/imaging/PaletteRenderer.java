package org.sonocine.imaging;

/** PALETTE COLOR: each stored value is an index into the palette. */
public final class PaletteRenderer implements FrameRenderer {
    private final PaletteLut palette;

    public PaletteRenderer(PaletteLut palette) {
        this.palette = palette;
    }

    @Override
    public DisplayFrame render(StoredFrame frame, PixelMemory memory) {
        PixelDescription d = frame.layout();
        int pixels = d.pixels();
        int[] out = memory.argb(pixels);
        byte[] in = frame.data();
        if (d.bytesPerSample() == 1) {
            int[] table = new int[256];
            for (int v = 0; v < 256; v++) {
                table[v] = palette.argb(v);
            }
            for (int i = 0; i < pixels; i++) {
                out[i] = table[in[i] & 0xFF];
            }
        } else {
            for (int i = 0; i < pixels; i++) {
                out[i] = palette.argb(frame.sample(i, 0));
            }
        }
        return new DisplayFrame(frame.index(), d.columns(), d.rows(), out);
    }
}
