package org.sonocine.imaging;

import org.sonocine.imaging.codec.DecodeException;

/**
 * A frame that was not decoded for a reason that says nothing about its data (decoding was stopped, the decoder is
 * busy with stuck calls): asking again later may succeed, so the reason must not be remembered as the frame's.
 */
public class RetryableDecodeException extends DecodeException {
    private static final long serialVersionUID = 1L;

    public RetryableDecodeException(String message) {
        super(message);
    }
}
