package org.sonocine.imaging;

/**
 * Scratch arrays one thread reuses from frame to frame, so that decoding a long cine does not allocate (and the
 * garbage collector clear) a frame's worth of memory per frame. A frame decoded with them is valid only until
 * the same thread decodes the next one: for callers that consume each frame at once (benchmarks, checksums).
 */
public final class FrameBuffers {
    private byte[] input = new byte[0];
    private byte[] output = new byte[0];

    /** An array of exactly {@code size} bytes for reading a frame into. */
    byte[] input(int size) {
        if (input.length != size) {
            input = new byte[size];
        }
        return input;
    }

    /** An array of exactly {@code size} bytes for decoding a frame into (its old content is overwritten). */
    byte[] output(int size) {
        if (output.length != size) {
            output = new byte[size];
        }
        return output;
    }
}
