package org.sonocine.imaging.jpegls;

/**
 * What an SOS marker segment declares: which frame components the scan codes (as positions in the frame
 * header), the near-lossless bound and the interleave mode.
 */
record ScanHeader(int[] components, int near, InterleaveMode interleave) {
}
