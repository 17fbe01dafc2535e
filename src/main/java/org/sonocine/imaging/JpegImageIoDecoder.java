package org.sonocine.imaging;

import org.sonocine.imaging.codec.DecodeException;


import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import java.awt.image.Raster;
import java.util.Optional;

/**
 * JPEG through an ImageIO reader: the JDK's native libjpeg reader for 8-bit sequential DCT (fastest, and
 * bit-exact with the reference decoders), TwelveMonkeys' reader as the tolerant fallback (it also reads
 * lossless JPEG, slowly). {@code readRaster} returns the components as coded, so YCbCr stays YCbCr.
 */
public final class JpegImageIoDecoder implements FrameDecoder {
    private static final String JDK_READER = "com.sun.imageio.plugins.jpeg.JPEGImageReader";
    private static final String TWELVEMONKEYS_READER = "com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReader";

    private final String name;
    private final ThreadLocal<ImageReader> reader;
    private final boolean onlyEightBitDct;
    private final CodecDeadline deadline = CodecDeadline.forThirdParty();

    private JpegImageIoDecoder(String name, ImageReaderSpi provider, boolean onlyEightBitDct) {
        this.name = name;
        this.reader = ImageIoReaders.perThread(provider);
        this.onlyEightBitDct = onlyEightBitDct;
    }

    /** The JDK's libjpeg-based reader, if this runtime has it. */
    public static Optional<JpegImageIoDecoder> jdk() {
        return ImageIoReaders.provider("jpeg", JDK_READER).map(p -> new JpegImageIoDecoder("JPEG (JDK ImageIO)", p, true));
    }

    /** TwelveMonkeys' reader, if it is on the class path. */
    public static Optional<JpegImageIoDecoder> twelveMonkeys() {
        return ImageIoReaders.provider("jpeg", TWELVEMONKEYS_READER)
                .map(p -> new JpegImageIoDecoder("JPEG (TwelveMonkeys ImageIO)", p, false));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public StoredFrame decode(EncodedFrame frame) throws DecodeException {
        JpegHeader jpeg = JpegHeader.parse(frame.bytes());
        // before decoding: a codestream may claim a far larger image than the header, and decoding it costs that
        CodecOutput.requireHeaderSize(frame.header(), "JPEG", jpeg.width(), jpeg.height(), jpeg.componentIds().length);
        if (onlyEightBitDct && (!jpeg.isSequentialHuffmanDct() || jpeg.precision() != 8)) {
            throw new DecodeException(name + " reads only 8-bit sequential DCT; this codestream is SOF"
                    + Integer.toHexString(jpeg.sofMarker() & 0xF).toUpperCase() + " with " + jpeg.precision()
                    + "-bit precision");
        }
        if (onlyEightBitDct && !jpeg.hasCommonSampling()) {
            // The JDK's system libjpeg-turbo interpolates some rare samplings (4:4:0) where the reference repeats.
            throw new DecodeException(name + " is left out for this chroma sampling");
        }
        PixelDescription header = frame.header();
        Raster raster = ImageIoReaders.readRaster(reader, deadline, name, "JPEG", frame, true);
        JpegColour.Resolution colour = JpegColour.resolve(header, jpeg);
        int bytesPerSample = jpeg.precision() > 8 ? 2 : 1;
        return CodecOutput.stored(frame.index(), header, colour.photometric(),
                ImageIoReaders.interleavedSamples(raster), bytesPerSample, jpeg.precision(), false, colour.note());
    }
}
