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
        Jpeg2000Header siz = Jpeg2000Header.parse(frame.bytes());
        PixelDescription header = frame.header();
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
        int start = Jpeg2000Header.codestreamStart(bytes);
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

    /** The SIZ segment: precision and signedness of the first component. */
    record Jpeg2000Header(int precision, boolean signed) {
        static Jpeg2000Header parse(byte[] b) throws DecodeException {
            int start = codestreamStart(b);
            // SOC (2) SIZ marker (2) Lsiz (2) Rsiz (2) Xsiz..YTOsiz (32) Csiz (2) then Ssiz of component 0.
            int ssiz = start + 2 + 2 + 2 + 2 + 32 + 2;
            if (start < 0 || ssiz >= b.length || (b[start + 2] & 0xFF) != 0xFF || (b[start + 3] & 0xFF) != 0x51) {
                throw new DecodeException("not a JPEG 2000 codestream: no SOC and SIZ markers at its start");
            }
            int s = b[ssiz] & 0xFF;
            return new Jpeg2000Header((s & 0x7F) + 1, (s & 0x80) != 0);
        }

        /** The codestream itself: at byte 0, or inside the 'jp2c' box of a JP2 file. */
        static int codestreamStart(byte[] b) {
            if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0x4F) {
                return 0;
            }
            int pos = 0;
            while (pos + 8 <= b.length) {
                long length = ((b[pos] & 0xFFL) << 24) | ((b[pos + 1] & 0xFF) << 16) | ((b[pos + 2] & 0xFF) << 8)
                        | (b[pos + 3] & 0xFF);
                int header = 8;
                if (length == 1 && pos + 16 <= b.length) {
                    length = 0;
                    for (int i = 8; i < 16; i++) {
                        length = (length << 8) | (b[pos + i] & 0xFF);
                    }
                    header = 16;
                }
                if (b[pos + 4] == 'j' && b[pos + 5] == 'p' && b[pos + 6] == '2' && b[pos + 7] == 'c') {
                    return pos + header;
                }
                if (length == 0 || length < header || pos + length > b.length) {
                    return -1;
                }
                pos += (int) length;
            }
            return -1;
        }
    }
}
