package org.sonocine.dicom;

import java.io.IOException;

/**
 * Where the encoded frames of an image come from when they are not read out of a local file: one frame's bytes by
 * index, as its transfer syntax encodes them (a native frame, or a frame's whole codestream). Implementations
 * may fetch over a network, so a call can block; they must be safe to call from several threads at once.
 */
@FunctionalInterface
public interface FrameBytes {

    /** The encoded bytes of frame {@code index} (0-based). */
    byte[] read(int index) throws IOException;
}
