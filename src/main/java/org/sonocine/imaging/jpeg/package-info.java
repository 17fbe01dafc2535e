/**
 * A pure-Java decoder for the JPEG processes that DICOM uses and the bundled readers handle badly: Huffman-coded
 * sequential DCT at 8 and 12 bits (SOF0, SOF1), progressive DCT at 8 and 12 bits (SOF2, the retired processes
 * 6/8 and 10/12) and lossless (SOF3, process 14) at 2 to 16 bits, fast enough for cine playback.
 *
 * <p>The output reproduces IJG libjpeg 6b as built into DCMTK bit for bit, since the project's reference frames
 * come from DCMTK: the same integer IDCT, range limiting and "fancy" chroma upsampling, no colour conversion, and
 * the same recovery from a marker that cuts a scan short, and for progressive frames that end early the same block
 * smoothing. Where DCMTK gives up (data that simply ends inside a scan, a progressive frame without EOI) the decoder
 * fails with a {@link org.sonocine.imaging.codec.DecodeException} instead of inventing pixels.
 *
 * <p>Entry point: {@link org.sonocine.imaging.jpeg.JpegDecoder}. Depends only on
 * {@code org.sonocine.imaging.codec}
 * ({@code RawImage}, {@code DecodeException}); no DICOM, no ImageIO, no JavaFX.
 */
package org.sonocine.imaging.jpeg;
