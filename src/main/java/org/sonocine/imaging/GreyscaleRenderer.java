package org.sonocine.imaging;

import org.sonocine.dicom.Attributes;

import java.util.Objects;

/**
 * MONOCHROME1/2 to grey ARGB: stored value, masked and sign-extended, through the Modality LUT and the VOI
 * (window or VOI LUT), inverted for MONOCHROME1. The transform is precomputed into a table over all stored
 * values, so a frame costs one lookup per pixel. Without a window in the header, or when asked to, the window
 * spans the values of the first frame rendered and then stays, so that a cine does not flicker.
 */
public final class GreyscaleRenderer implements FrameRenderer {
    /** Which window to use. */
    public enum VoiChoice {
        /** The header's window or VOI LUT for each frame; the first frame's value range if it has none. */
        FROM_FILE,
        /** The value range of the first frame rendered, ignoring the header's windows. */
        MIN_MAX
    }

    private final Attributes ds;
    private final VoiChoice choice;
    private final VoiWindow override;
    private volatile VoiWindow rangeWindow;
    private volatile Table last;

    /** The transform for one frame layout and set of parameters, as a table indexed by stored value. */
    private record Table(Key key, int minValue, int[] argb) {
    }

    private record Key(int bitsStored, int highBit, boolean signed, boolean invert, double slope, double intercept,
                       VoiWindow window, LookupTable voiLut) {
    }

    public GreyscaleRenderer(Attributes ds, VoiChoice choice) {
        this(ds, choice, null);
    }

    private GreyscaleRenderer(Attributes ds, VoiChoice choice, VoiWindow override) {
        this.ds = ds;
        this.choice = choice;
        this.override = override;
    }

    /** The same rendering with a window the user chose. */
    public GreyscaleRenderer withWindow(VoiWindow window) {
        GreyscaleRenderer r = new GreyscaleRenderer(ds, choice, window);
        r.rangeWindow = rangeWindow;
        return r;
    }

    /** The window in use for frame {@code index} (after the first frame was rendered, for range windows). */
    public VoiWindow windowFor(int index) {
        if (override != null) {
            return override;
        }
        if (choice == VoiChoice.FROM_FILE) {
            VoiWindow w = GreyscalePipeline.window(ds, index);
            if (w != null) {
                return w;
            }
        }
        return rangeWindow;
    }

    @Override
    public DisplayFrame render(StoredFrame frame, PixelMemory memory) {
        PixelDescription d = frame.layout();
        boolean invert = d.photometric() == Photometric.MONOCHROME1;
        double[] rescale = GreyscalePipeline.rescale(ds, frame.index());
        LookupTable modality = GreyscalePipeline.modalityLut(ds, d.signed());
        boolean fromFile = override == null && choice == VoiChoice.FROM_FILE;
        VoiWindow fileWindow = fromFile ? GreyscalePipeline.window(ds, frame.index()) : null;
        LookupTable voiLut = fromFile && fileWindow == null ? GreyscalePipeline.voiLut(ds, frame.index()) : null;
        VoiWindow window = override != null ? override : fileWindow != null ? fileWindow : rangeWindow;
        if (window == null && voiLut == null) {
            window = valueRange(frame, rescale, modality);
            rangeWindow = window;
        }
        int pixels = d.pixels();
        int[] out = memory.argb(pixels);
        if (d.bitsStored() > 16 || d.bitsAllocated() == 32) {
            for (int i = 0; i < pixels; i++) {
                out[i] = grey(transform(frame.sample(i, 0), rescale, modality, window, voiLut), invert);
            }
            return new DisplayFrame(frame.index(), d.columns(), d.rows(), out);
        }
        Table table = table(new Key(d.bitsStored(), d.highBit(), d.signed(), invert, rescale[0], rescale[1], window,
                voiLut), modality);
        int[] lut = table.argb;
        int min = table.minValue;
        byte[] in = frame.data();
        if (d.bitsAllocated() == 1) {
            for (int i = 0; i < pixels; i++) {
                out[i] = lut[((in[i >> 3] >> (i & 7)) & 1) - min];
            }
        } else if (d.bytesPerSample() == 1) {
            for (int i = 0; i < pixels; i++) {
                out[i] = lut[PixelValues.interpret(in[i] & 0xFF, d) - min];
            }
        } else {
            int shift = d.highBit() + 1 - d.bitsStored();
            int mask = (1 << d.bitsStored()) - 1;
            int sign = d.signed() ? 1 << (d.bitsStored() - 1) : 0;
            for (int i = 0; i < pixels; i++) {
                int v = (((in[2 * i] & 0xFF) | (in[2 * i + 1] & 0xFF) << 8) >>> shift) & mask;
                if ((v & sign) != 0) {
                    v -= mask + 1;
                }
                out[i] = lut[v - min];
            }
        }
        return new DisplayFrame(frame.index(), d.columns(), d.rows(), out);
    }

    private Table table(Key key, LookupTable modality) {
        Table t = last;
        if (t != null && t.key.equals(key)) {
            return t;
        }
        int bits = Math.max(1, key.bitsStored);
        int min = key.signed ? -(1 << (bits - 1)) : 0;
        int[] argb = new int[1 << bits];
        double[] rescale = {key.slope, key.intercept};
        for (int i = 0; i < argb.length; i++) {
            argb[i] = grey(transform(min + i, rescale, modality, key.window, key.voiLut), key.invert);
        }
        t = new Table(key, min, argb);
        last = t;
        return t;
    }

    /** The grey level 0..1 of a stored value. */
    private static double transform(int stored, double[] rescale, LookupTable modality, VoiWindow window,
                                    LookupTable voiLut) {
        double value = modality != null ? modality.apply(stored) : stored * rescale[0] + rescale[1];
        if (voiLut != null) {
            return voiLut.apply((int) Math.round(value)) / (double) voiLut.maxOutput();
        }
        return Objects.requireNonNull(window).level(value);
    }

    /** Quantises after inverting, as the reference renderer does, so both polarities truncate alike. */
    private static int grey(double level, boolean invert) {
        int g = (int) ((invert ? 1 - level : level) * 255 + 1e-6);
        return 0xFF000000 | g << 16 | g << 8 | g;
    }

    private static VoiWindow valueRange(StoredFrame frame, double[] rescale, LookupTable modality) {
        int pixels = frame.layout().pixels();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < pixels; i++) {
            int s = frame.sample(i, 0);
            double v = modality != null ? modality.apply(s) : s * rescale[0] + rescale[1];
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
        }
        return pixels == 0 ? VoiWindow.ofRange(0, 255) : VoiWindow.ofRange(min, max);
    }
}
