package org.sonocine.imaging;

/**
 * The bytes of one frame as the file holds them (a native frame, or a codestream joined from its fragments),
 * with what a decoder needs to read them: the header's pixel description, the byte order and swap unit of
 * native data, and for 1-bit data the bit the frame starts at.
 */
public record EncodedFrame(int index, byte[] bytes, PixelDescription header, boolean bigEndian, int swapUnit,
                           int bitOffset) {
}
