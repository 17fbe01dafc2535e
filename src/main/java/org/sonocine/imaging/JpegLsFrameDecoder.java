package org.sonocine.imaging;

import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.imaging.codec.RawImage;
import org.sonocine.imaging.jpegls.JpegLsDecoder;

/** JPEG-LS lossless and near-lossless frames through our own T.87 decoder. */
public final class JpegLsFrameDecoder implements FrameDecoder {
    @Override
    public String name() {
        return "JPEG-LS";
    }

    @Override
    public StoredFrame decode(EncodedFrame frame) throws DecodeException {
        byte[] bytes = frame.bytes();
        RawImage image;
        try {
            image = JpegLsDecoder.decode(bytes, 0, bytes.length);
        } catch (DecodeException e) {
            throw new DecodeException("JPEG-LS frame " + (frame.index() + 1) + ": " + e.getMessage(), e);
        }
        return CodecOutput.checked(frame, image, "JPEG-LS", frame.header().photometric(), "");
    }
}
