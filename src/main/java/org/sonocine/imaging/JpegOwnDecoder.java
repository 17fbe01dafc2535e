package org.sonocine.imaging;

import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.imaging.codec.RawImage;
import org.sonocine.imaging.jpeg.JpegDecoder;

/**
 * Our own JPEG decoder: 12-bit DCT, progressive DCT (the retired processes 6/8 and 10/12), lossless (processes 14
 * and SV1) fast enough for cine, and 8-bit DCT with any sampling, all bit-exact with libjpeg. It follows the JDK's
 * native reader in the chain and precedes TwelveMonkeys' (whose lossless path is several times slower).
 */
public final class JpegOwnDecoder implements FrameDecoder {
    @Override
    public String name() {
        return "JPEG (Sonocine)";
    }

    @Override
    public StoredFrame decode(EncodedFrame frame) throws DecodeException {
        JpegHeader jpeg = JpegHeader.parse(frame.bytes());
        // before decoding: a codestream may claim a far larger image than the header, and decoding it costs that
        CodecOutput.requireHeaderSize(frame.header(), "JPEG", jpeg.width(), jpeg.height(), jpeg.componentIds().length);
        byte[] bytes = frame.bytes();
        RawImage image = JpegDecoder.decode(bytes, 0, bytes.length);
        JpegColour.Resolution colour = JpegColour.resolve(frame.header(), jpeg);
        return CodecOutput.checked(frame, image, "JPEG", colour.photometric(), colour.note());
    }
}
