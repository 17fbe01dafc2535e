package org.sonocine.dicom;

/** Uncompressed pixel data: one run of bytes holding all frames back to back, in the data set's byte order. */
public record NativePixelData(VR vr, BulkData data) implements PixelData {
}
