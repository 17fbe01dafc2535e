/**
 * A pure-Java JPEG 2000 decoder (ISO/IEC 15444-1 codestreams, raw or JP2-wrapped) with the High-Throughput block
 * coder of ISO/IEC 15444-15 (HTJ2K).
 *
 * <p>Tier-2 gathers each code-block's coded bytes from the packets into a {@link org.sonocine.imaging.jpeg2000.CodeBlock};
 * a {@link org.sonocine.imaging.jpeg2000.BlockDecoder} (EBCOT or HT) turns it into coefficients; dequantisation,
 * the inverse wavelet transform and the inverse component transform follow. Depends only on the codec base types
 * of {@code org.sonocine.imaging.codec}: no DICOM, no JavaFX.
 */
package org.sonocine.imaging.jpeg2000;
