package org.sonocine.imaging.jpegls;

/**
 * What the SOF55 marker segment declares: sample precision, image size and component identifiers. Width and
 * height may be zero in SOF55 when an LSE oversize-dimension segment supplies them.
 */
record FrameHeader(int precision, long height, long width, int[] componentIds) {

    int components() {
        return componentIds.length;
    }

    /** The position of the component with identifier {@code id}, or -1. */
    int indexOf(int id) {
        for (int i = 0; i < componentIds.length; i++) {
            if (componentIds[i] == id) {
                return i;
            }
        }
        return -1;
    }

    FrameHeader withSize(long newHeight, long newWidth) {
        return new FrameHeader(precision, newHeight, newWidth, componentIds);
    }
}
