package org.sonocine.dicom;

/**
 * A value left where it lies instead of being loaded: {@code length} bytes at {@code offset} of the data stream
 * (the file, or the inflated stream of a deflated file). {@code available} is how many of them the stream really
 * holds, less than {@code length} when the file was cut short.
 */
public record BulkData(long offset, long length, long available) {

    public boolean isTruncated() {
        return available < length;
    }
}
