package org.sonocine.imaging.jpeg2000;

import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.imaging.codec.RawImage;

/**
 * Decodes a JPEG 2000 codestream (ISO/IEC 15444-1, with HT code-blocks of ISO/IEC 15444-15), raw or in a JP2
 * file, into its samples: the first three components converted back from YCbCr when the codestream says they were
 * transformed, each component DC-shifted and clamped to its precision, subsampled components replicated to the
 * image's full size. Samples of signed components are written in two's complement.
 */
public final class Jpeg2000ImageDecoder {
    private final boolean parallel;

    /**
     * @param parallel whether to decode each tile's code-blocks and components on the common fork-join pool,
     *                 rather than on the calling thread alone
     */
    public Jpeg2000ImageDecoder(boolean parallel) {
        this.parallel = parallel;
    }

    /** The image of the codestream in bytes {@code offset} to {@code offset + length} − 1 of {@code data}. */
    public RawImage decode(byte[] data, int offset, int length) throws DecodeException {
        return decode(data, offset, length, image -> { });
    }

    /**
     * The image of the codestream in bytes {@code offset} to {@code offset + length} − 1 of {@code data}, once
     * {@code check} has accepted what its SIZ segment declares.
     */
    public RawImage decode(byte[] data, int offset, int length, DeclaredImage.Check check) throws DecodeException {
        Codestream codestream = CodestreamParser.parse(data, offset, offset + length, check);
        ImageSamples image = new ImageSamples(codestream.size());
        for (Codestream.Tile tile : codestream.tiles()) {
            new TileDecoder(codestream.size(), tile, parallel).decodeInto(image);
        }
        return image.image();
    }
}
