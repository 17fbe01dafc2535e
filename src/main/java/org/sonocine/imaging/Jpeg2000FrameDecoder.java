package org.sonocine.imaging;

import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.imaging.jpeg2000.DeclaredImage;
import org.sonocine.imaging.jpeg2000.Jpeg2000ImageDecoder;

/**
 * JPEG 2000 and High-Throughput JPEG 2000 frames (raw codestreams or JP2 files) through our own decoder, a lone
 * frame's code-blocks decoded in parallel. YBR_RCT and YBR_ICT frames come out as RGB: the codestream's inverse
 * component transform is part of decoding, as the reference decoders do it. Subsampled components come out
 * replicated to full size, so a YBR_FULL_422 frame comes out as YBR_FULL.
 *
 * <p>The decoder allocates in proportion to what the codestream's SIZ segment declares (the image, every tile),
 * so a codestream of a few bytes declaring 60000 x 60000 pixels or a million tiles could run it out of memory:
 * only a SIZ that agrees with the DICOM header and that the codestream's length can back is let through.
 */
public final class Jpeg2000FrameDecoder implements FrameDecoder {
    /** The smallest tile-part: an SOT segment (12 bytes) and an SOD marker (2). */
    private static final int MIN_TILE_PART_BYTES = 14;
    private final Jpeg2000ImageDecoder decoder;

    public Jpeg2000FrameDecoder() {
        this(true);
    }

    /**
     * @param parallel whether a frame's code-blocks are decoded on the common fork-join pool when no other frame is
     *                 being decoded
     */
    public Jpeg2000FrameDecoder(boolean parallel) {
        decoder = new Jpeg2000ImageDecoder(parallel);
    }

    @Override
    public String name() {
        return "JPEG 2000";
    }

    @Override
    public StoredFrame decode(EncodedFrame frame) throws DecodeException {
        byte[] bytes = frame.bytes();
        PixelDescription header = frame.header();
        Jpeg2000ImageDecoder.Decoded decoded;
        try {
            decoded = decoder.decodeImage(bytes, 0, bytes.length, declared -> requireFits(declared, header));
        } catch (DecodeException e) {
            throw new DecodeException("frame " + (frame.index() + 1) + ": " + e.getMessage(), e);
        }
        Photometric declared = header.photometric();
        Photometric photometric = declared;
        String note = "";
        if (decoded.colourTransformed() || declared == Photometric.YBR_RCT || declared == Photometric.YBR_ICT) {
            // The inverse RCT/ICT is part of decoding, so the samples are RGB whatever the header calls them.
            photometric = Photometric.RGB;
            if (decoded.colourTransformed() && declared != Photometric.RGB && declared != Photometric.YBR_RCT
                    && declared != Photometric.YBR_ICT) {
                note = "the JPEG 2000 codestream is colour-transformed (RCT/ICT), so it decodes to RGB; the header"
                        + " says " + declared.name();
            }
        } else if (declared == Photometric.YBR_FULL_422) {
            photometric = Photometric.YBR_FULL;
        }
        return CodecOutput.checked(frame, decoded.samples(), "JPEG 2000", photometric, note);
    }

    /**
     * Fails unless the image has the header's size and samples per pixel, and the codestream's bytes could hold a
     * tile-part for every tile.
     */
    private static void requireFits(DeclaredImage image, PixelDescription header) throws DecodeException {
        if (image.width() != header.columns() || image.height() != header.rows()
                || image.components() != header.samplesPerPixel()) {
            throw new DecodeException("the JPEG 2000 codestream is " + image.width() + " x " + image.height()
                    + " with " + image.components() + (image.components() == 1 ? " component" : " components")
                    + "; the header says " + header.columns() + " x " + header.rows() + " with "
                    + header.samplesPerPixel());
        }
        long most = image.codestreamBytes() / MIN_TILE_PART_BYTES;
        if (image.tiles() > most) {
            throw new DecodeException("the JPEG 2000 codestream declares " + image.tiles() + " tiles, but its "
                    + image.codestreamBytes() + " bytes can hold at most " + most);
        }
    }
}
