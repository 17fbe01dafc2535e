package org.sonocine.imaging;

import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.imaging.codec.RawImage;
import org.sonocine.imaging.jpeg2000.Jpeg2000ImageDecoder;

/**
 * JPEG 2000 and High-Throughput JPEG 2000 frames (raw codestreams or JP2 files) through our own decoder, a lone
 * frame's code-blocks decoded in parallel. YBR_RCT and YBR_ICT frames come out as RGB: the codestream's inverse
 * component transform is part of decoding, as the reference decoders do it.
 */
public final class Jpeg2000FrameDecoder implements FrameDecoder {
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
        RawImage image;
        try {
            // The image's size is checked against the header before anything in proportion to it is allocated.
            int start = Jpeg2000Siz.codestreamStart(bytes);
            Jpeg2000Siz.parse(bytes, start).requireFits(header, bytes.length - start);
            image = decoder.decode(bytes, 0, bytes.length);
        } catch (DecodeException e) {
            throw new DecodeException("frame " + (frame.index() + 1) + ": " + e.getMessage(), e);
        }
        Photometric photometric = header.photometric() == Photometric.YBR_RCT
                || header.photometric() == Photometric.YBR_ICT ? Photometric.RGB : header.photometric();
        return CodecOutput.checked(frame, image, "JPEG 2000", photometric, "");
    }
}
