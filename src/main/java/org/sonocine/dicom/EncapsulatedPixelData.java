package org.sonocine.dicom;

import java.util.List;

/**
 * Compressed pixel data (PS3.5 A.4): the Basic Offset Table (empty when the encoder wrote none) and the
 * fragments. {@code complete} is false when the stream ended before the Sequence Delimitation Item, or when only
 * the header was read and the fragments were not walked ({@code scanned} false).
 */
public record EncapsulatedPixelData(long[] basicOffsetTable, List<Fragment> fragments, boolean complete,
                                    boolean scanned) implements PixelData {

    static EncapsulatedPixelData notScanned() {
        return new EncapsulatedPixelData(new long[0], List.of(), false, false);
    }
}
