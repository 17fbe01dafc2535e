package org.sonocine.imaging.jpeg2000;

/**
 * One progression of a POC segment (ISO/IEC 15444-1 A.6.6): packets of layers below {@code layerEnd}, resolutions
 * {@code resolutionStart} to {@code resolutionEnd} − 1 and components {@code componentStart} to
 * {@code componentEnd} − 1, in {@code order}.
 */
record ProgressionChange(int resolutionStart, int componentStart, int layerEnd, int resolutionEnd,
                         int componentEnd, int order) {
}
