package org.sonocine.imaging.codec;

import org.sonocine.imaging.codec.DecodeException;

import java.io.IOException;

/** Pixel data that cannot be decoded: corrupt or truncated codestream, unsupported encoding. */
public class DecodeException extends IOException {
    private static final long serialVersionUID = 1L;

    public DecodeException(String message) {
        super(message);
    }

    public DecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
