package org.sonocine.imaging;

import org.sonocine.imaging.codec.DecodeException;

/**
 * Decodes one frame of one family of transfer syntaxes into stored values. Implementations are stateless and
 * safe to call from several threads.
 */
public sealed interface FrameDecoder
        permits NativeDecoder, RleDecoder, JpegImageIoDecoder, JpegOwnDecoder, JpegLsFrameDecoder,
        Jpeg2000FrameDecoder, DeflatedFrameDecoder {

    /** A short name for messages, e.g. "JPEG (JDK ImageIO)". */
    String name();

    StoredFrame decode(EncodedFrame frame) throws DecodeException;

    /**
     * False while this decoder's first use would first load something once for all (ImageIO's plugins): a frame
     * wanted at once ({@link FrameSource#decodeFirstShown}) is then tried with the decoders that are ready first.
     */
    default boolean ready() {
        return true;
    }
}
