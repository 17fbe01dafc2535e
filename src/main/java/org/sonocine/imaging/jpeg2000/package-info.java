/**
 * A pure-Java JPEG 2000 decoder (ISO/IEC 15444-1 codestreams, raw or JP2-wrapped) with the High-Throughput block
 * coder of ISO/IEC 15444-15 (HTJ2K).
 *
 * <p>Tier-2 gathers each code-block's coded bytes from the packets into a {@link org.sonocine.imaging.jpeg2000.CodeBlock};
 * a {@link org.sonocine.imaging.jpeg2000.BlockDecoder} (EBCOT or HT) turns it into coefficients; dequantisation,
 * the inverse wavelet transform and the inverse component transform follow. Depends only on the codec base types
 * of {@code org.sonocine.imaging.codec}: no DICOM, no JavaFX.
 *
 * <p>Failures are {@link org.sonocine.imaging.codec.DecodeException}s whose messages say "JPEG 2000" and number
 * components from 1, as a DICOM user counts samples; tiles and tile-parts keep the indices the codestream gives
 * them (from 0). A block decoder's message reaches the caller prefixed with the code-block it concerns.
 */
package org.sonocine.imaging.jpeg2000;
