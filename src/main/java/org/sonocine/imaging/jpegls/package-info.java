/**
 * A pure-Java JPEG-LS decoder (ITU-T T.87 | ISO/IEC 14495-1): lossless and near-lossless, 2 to 16 bits per
 * sample, any number of components in any interleave mode, restart intervals, preset coding parameters and the
 * HP colour transforms that CharLS-style encoders signal in an APP8 "mrfx" segment.
 *
 * <p>{@link org.sonocine.imaging.jpegls.JpegLsDecoder} turns one codestream into a
 * {@link org.sonocine.imaging.codec.RawImage}. Depends only on the codec base types of
 * {@code org.sonocine.imaging.codec}
 * ({@code RawImage}, {@code DecodeException}): no DICOM, no JavaFX.
 */
package org.sonocine.imaging.jpegls;
