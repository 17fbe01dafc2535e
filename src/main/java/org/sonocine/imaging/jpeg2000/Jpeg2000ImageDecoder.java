package org.sonocine.imaging.jpeg2000;

import java.util.concurrent.atomic.AtomicInteger;
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
    /** Frames this decoder is decoding now, on however many threads. */
    private final AtomicInteger inFlight = new AtomicInteger();

    /**
     * @param parallel whether to decode each tile's code-blocks and components on the common fork-join pool,
     *                 rather than on the calling thread alone, when this decoder has no other frame to decode
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
        return decodeImage(data, offset, length, check).samples();
    }

    /** What a codestream decodes to: its samples, and whether the decoder undid a component transform in them. */
    public record Decoded(RawImage samples, boolean colourTransformed) {
    }

    /** As {@link #decode(byte[], int, int, DeclaredImage.Check)}, saying whether the samples were RCT/ICT coded. */
    public Decoded decodeImage(byte[] data, int offset, int length, DeclaredImage.Check check)
            throws DecodeException {
        // One level of parallelism at a time: a lone frame (the first one shown, a frame scrubbed to) spreads its
        // code-blocks over the cores, but when several threads decode frames each keeps to its own, since the
        // frames already fill the cores and splitting them again only adds hand-overs.
        boolean spread = inFlight.incrementAndGet() == 1 && parallel;
        try {
            Codestream codestream = CodestreamParser.parse(data, offset, offset + length, check);
            ImageSamples image = new ImageSamples(codestream.size());
            boolean transformed = false;
            for (Codestream.Tile tile : codestream.tiles()) {
                new TileDecoder(codestream.size(), tile, spread).decodeInto(image);
                transformed |= tile.coding().componentTransform();
            }
            return new Decoded(image.image(), transformed);
        } finally {
            inFlight.decrementAndGet();
        }
    }
}
