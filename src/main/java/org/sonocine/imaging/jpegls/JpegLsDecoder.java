package org.sonocine.imaging.jpegls;

import java.util.Objects;

import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.imaging.codec.RawImage;

/**
 * Decodes a JPEG-LS codestream (ITU-T T.87): lossless or near-lossless, 2 to 16 bits, one or more components in
 * any interleave mode, with restart intervals, LSE preset parameters and the HP colour transforms of an APP8
 * "mrfx" segment. The result holds the samples the encoder coded (after undoing a signalled colour transform),
 * interleaved by pixel. LSE mapping tables (palettised JPEG-LS) are not supported.
 *
 * <p>A corrupt or truncated codestream ends in a {@link DecodeException} that says what is wrong and where.
 * Thread-safe: every call works on its own state.
 */
public final class JpegLsDecoder {
    private JpegLsDecoder() {
    }

    /**
     * Decodes the codestream in {@code data[offset, offset + length)}.
     *
     * @throws IndexOutOfBoundsException if the range lies outside {@code data}
     */
    public static RawImage decode(byte[] data, int offset, int length) throws DecodeException {
        Objects.checkFromIndexSize(offset, length, data.length);
        return new CodestreamDecoder(data, offset, offset + length).decode();
    }
}
