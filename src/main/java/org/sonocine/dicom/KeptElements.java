package org.sonocine.dicom;

import java.util.Arrays;

/**
 * Which top-level elements of a data set a read keeps: all of them, or a few. A folder scan wants a dozen values of
 * each of thousands of headers; the reader still reads every other element, and everything nested in it, so that the
 * file's structure and its defects are found as a full read finds them, but reads past their values instead of
 * holding them.
 */
public final class KeptElements {
    /** Every element. */
    public static final KeptElements ALL = new KeptElements(null);

    /** Sorted; null for all. */
    private final int[] tags;

    private KeptElements(int[] tags) {
        this.tags = tags;
    }

    /**
     * The top-level elements {@code tags}, and those the reader itself consults to describe what it read (the
     * character set of the strings, the frame count and size, the byte order of values whose VR implicit VR leaves
     * open). Pixel Data is always kept: where it lies is part of what a read finds.
     */
    public static KeptElements only(int... tags) {
        int[] all = Arrays.copyOf(tags, tags.length + READER_NEEDS.length);
        System.arraycopy(READER_NEEDS, 0, all, tags.length, READER_NEEDS.length);
        Arrays.sort(all);
        return new KeptElements(all);
    }

    private static final int[] READER_NEEDS = {Tag.SpecificCharacterSet, Tag.SamplesPerPixel,
            Tag.PhotometricInterpretation, Tag.NumberOfFrames, Tag.Rows, Tag.Columns, Tag.BitsAllocated,
            Tag.PixelRepresentation};

    /** Whether every element is kept. */
    public boolean all() {
        return tags == null;
    }

    /** Whether the top-level element {@code tag} is kept. */
    public boolean keeps(int tag) {
        return tags == null || Arrays.binarySearch(tags, tag) >= 0;
    }

    @Override
    public String toString() {
        if (tags == null) {
            return "all elements";
        }
        StringBuilder s = new StringBuilder("only");
        for (int tag : tags) {
            s.append(' ').append(Tags.toString(tag));
        }
        return s.toString();
    }
}
