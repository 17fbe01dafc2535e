package org.sonocine.imaging;

/**
 * The bytes of one frame as the file holds them (a native frame, or a codestream joined from its fragments),
 * with what a decoder needs to read them: the header's pixel description, the byte order and swap unit of
 * native data, for 1-bit data the bit the frame starts at, and scratch buffers to decode into (null to allocate).
 */
public record EncodedFrame(int index, byte[] bytes, PixelDescription header, boolean bigEndian, int swapUnit,
                           int bitOffset, FrameBuffers buffers) {

    /** Where to decode {@code size} bytes into: a reused array when the caller gave buffers, else a new one. */
    byte[] output(int size) {
        return buffers != null ? buffers.output(size) : new byte[size];
    }
}
