/**
 * What every codec shares with the rest of imaging, and nothing else: the samples a codestream decoder produces
 * ({@link org.sonocine.imaging.codec.RawImage}) and the exception for data that cannot be decoded. The codecs in
 * {@code imaging.jpeg} and {@code imaging.jpegls} depend on this package only, so imaging can use them without a
 * cycle between packages. It depends on no other package of Sonocine.
 */
package org.sonocine.imaging.codec;
