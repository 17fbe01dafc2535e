package org.sonocine.imaging;

import org.sonocine.imaging.codec.DecodeException;

import com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi;

import javax.imageio.ImageReader;
import java.awt.image.Raster;

/**
 * JPEG 2000 (Part 1 codestreams, raw or in a JP2 file) through JAI ImageIO. The codec inverts the reversible
 * and irreversible component transforms itself, so YBR_RCT and YBR_ICT images come out as RGB, as the reference
 * decoders write them. Precision and sign come from the codestream's SIZ segment.
 */
public final class Jpeg2000Decoder implements FrameDecoder {
    private final ThreadLocal<ImageReader> reader = ImageIoReaders.perThread(new J2KImageReaderSpi());
    private final CodecDeadline deadline;

    public Jpeg2000Decoder() {
        this(CodecDeadline.forThirdParty());
    }

    Jpeg2000Decoder(CodecDeadline deadline) {
        this.deadline = deadline;
    }

    @Override
    public String name() {
        return "JPEG 2000 (JAI ImageIO)";
    }

    @Override
    public StoredFrame decode(EncodedFrame frame) throws DecodeException {
        byte[] bytes = frame.bytes();
        int start = Jpeg2000Siz.codestreamStart(bytes);
        Jpeg2000Siz siz = Jpeg2000Siz.parse(bytes, start);
        PixelDescription header = frame.header();
        siz.requireFits(header, bytes.length - start);
        EncodedFrame readable = withTilePartsJaiReads(frame);
        // JAI's reader throws on a null input, so the input stays until the next frame replaces it.
        Raster raster = ImageIoReaders.readRaster(reader, deadline, name(), "JPEG 2000", readable, false);
        int bytesPerSample = siz.precision() > 8 ? 2 : 1;
        byte[] samples = ImageIoReaders.interleavedSamples(raster);
        if (bytesPerSample == 1 && samples.length != raster.getWidth() * raster.getHeight() * raster.getNumBands()) {
            bytesPerSample = 2;
        }
        Photometric photometric = header.photometric() == Photometric.YBR_RCT
                || header.photometric() == Photometric.YBR_ICT ? Photometric.RGB : header.photometric();
        return CodecOutput.stored(frame.index(), header, photometric, samples, bytesPerSample, siz.precision(),
                siz.signed(), "");
    }

    /** The frame, or its codestream rewritten by {@link Jpeg2000TileParts} when JAI would misread its tile-parts. */
    private static EncodedFrame withTilePartsJaiReads(EncodedFrame frame) throws DecodeException {
        byte[] bytes = frame.bytes();
        int start = Jpeg2000Siz.codestreamStart(bytes);
        if (start < 0) {
            return frame;
        }
        byte[] codestream = start == 0 ? bytes : java.util.Arrays.copyOfRange(bytes, start, bytes.length);
        byte[] normalised = Jpeg2000TileParts.normalise(codestream);
        if (normalised == codestream) {
            return frame;
        }
        return new EncodedFrame(frame.index(), normalised, frame.header(), frame.bigEndian(), frame.swapUnit(),
                frame.bitOffset(), frame.buffers());
    }
}
