package org.sonocine.dicom;

/**
 * Where the top-level Pixel Data (7FE0,0010) lies, recorded while parsing instead of reading it: the value of
 * that element in {@link Attributes}.
 */
public sealed interface PixelData permits NativePixelData, EncapsulatedPixelData {
}
