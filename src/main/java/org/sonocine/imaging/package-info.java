/**
 * Pixel data to frames: native unpacking, RLE, the JPEG family, JPEG-LS, JPEG 2000, colour models, palettes,
 * modality and VOI LUTs. Produces stored values (as a transcoder to explicit VR little endian would write
 * them) and display-ready packed ARGB.
 *
 * <p>Depends only on {@code org.sonocine.dicom}; no JavaFX.
 */
package org.sonocine.imaging;
