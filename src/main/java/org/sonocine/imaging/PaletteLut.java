package org.sonocine.imaging;

import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.Tag;
import org.sonocine.imaging.codec.DecodeException;

/**
 * The Palette Color Lookup Table (PS3.3 C.7.6.3.1.5-6 and C.7.9): red, green and blue tables with their
 * descriptors (entries, first mapped value, bits per entry), given whole or as segments (linear, discrete and
 * indirect), turned into one ARGB table indexed by stored value.
 */
public final class PaletteLut {
    private static final int MAX_ENTRIES = 65536;

    private final int firstMapped;
    private final int[] argb;

    private PaletteLut(int firstMapped, int[] argb) {
        this.firstMapped = firstMapped;
        this.argb = argb;
    }

    public static PaletteLut of(Attributes ds) throws DecodeException {
        int[][] channels = new int[3][];
        int[] descriptor = null;
        int[] descriptorTags = {Tag.RedPaletteColorLookupTableDescriptor, Tag.GreenPaletteColorLookupTableDescriptor,
            Tag.BluePaletteColorLookupTableDescriptor};
        int[] dataTags = {Tag.RedPaletteColorLookupTableData, Tag.GreenPaletteColorLookupTableData,
            Tag.BluePaletteColorLookupTableData};
        int[] segmentedTags = {Tag.SegmentedRedPaletteColorLookupTableData,
            Tag.SegmentedGreenPaletteColorLookupTableData, Tag.SegmentedBluePaletteColorLookupTableData};
        String[] names = {"red", "green", "blue"};
        int bits = 16;
        for (int c = 0; c < 3; c++) {
            int[] d = ds.getInts(descriptorTags[c]);
            if (d.length < 3) {
                throw new DecodeException("PALETTE COLOR image without a " + names[c] + " palette descriptor");
            }
            int entries = d[0] & 0xFFFF;
            if (entries == 0) {
                entries = MAX_ENTRIES;
            }
            bits = d[2];
            descriptor = d;
            byte[] whole = ds.getBytes(dataTags[c]);
            byte[] segmented = ds.getBytes(segmentedTags[c]);
            if (whole != null) {
                channels[c] = words(whole, entries, ds.bigEndian());
            } else if (segmented != null) {
                channels[c] = SegmentedLut.expand(words(segmented, segmented.length / 2, ds.bigEndian()), entries);
            } else {
                throw new DecodeException("PALETTE COLOR image without " + names[c] + " palette data");
            }
        }
        int firstMapped = descriptor[1] & 0xFFFF;
        if (ds.getInt(Tag.PixelRepresentation, 0) == 1) {
            firstMapped = (short) firstMapped;
        }
        int size = Math.max(channels[0].length, Math.max(channels[1].length, channels[2].length));
        int shift = bits > 8 && !allBelow256(channels) ? 8 : 0;
        int[] argb = new int[size];
        for (int i = 0; i < size; i++) {
            argb[i] = 0xFF000000 | at(channels[0], i, shift) << 16 | at(channels[1], i, shift) << 8
                    | at(channels[2], i, shift);
        }
        return new PaletteLut(firstMapped, argb);
    }

    /** 16-bit words; 8-bit entries packed two to a word are recognised by the data being half as long. */
    private static int[] words(byte[] data, int entries, boolean bigEndian) {
        if (data.length == entries && entries % 2 == 0) {
            int[] out = new int[entries];
            for (int i = 0; i < entries; i++) {
                out[i] = data[bigEndian ? i ^ 1 : i] & 0xFF;
            }
            return out;
        }
        int n = Math.min(entries, data.length / 2);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = bigEndian ? (data[2 * i] & 0xFF) << 8 | (data[2 * i + 1] & 0xFF)
                    : (data[2 * i] & 0xFF) | (data[2 * i + 1] & 0xFF) << 8;
        }
        return out;
    }

    private static boolean allBelow256(int[][] channels) {
        for (int[] channel : channels) {
            for (int v : channel) {
                if (v > 255) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int at(int[] channel, int i, int shift) {
        int v = channel.length == 0 ? 0 : channel[Math.min(i, channel.length - 1)];
        return Math.min(255, v >> shift);
    }

    /** The colour of stored value {@code index}; values outside the table take its first or last entry. */
    public int argb(int index) {
        int i = index - firstMapped;
        return argb[i < 0 ? 0 : Math.min(i, argb.length - 1)];
    }

    public int size() {
        return argb.length;
    }
}
