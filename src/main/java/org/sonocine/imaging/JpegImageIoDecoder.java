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

    private static final String JDK_NAME = "JPEG (JDK ImageIO)";
    private static final String TWELVEMONKEYS_NAME = "JPEG (TwelveMonkeys ImageIO)";

    private final String name;
    private final String readerClass;
    private final boolean onlyEightBitDct;
    private final CodecDeadline deadline = CodecDeadline.forThirdParty();
    /**
     * Given, or looked for at the first decode (null until then; empty if this runtime has none): looking loads every
     * ImageIO plugin there is.
     */
    private volatile Optional<ThreadLocal<ImageReader>> reader;

    private JpegImageIoDecoder(String name, String readerClass, ImageReaderSpi provider, boolean onlyEightBitDct) {
        this.name = name;
        this.readerClass = readerClass;
        this.onlyEightBitDct = onlyEightBitDct;
        this.reader = provider == null ? null : Optional.of(ImageIoReaders.perThread(provider));
    }

    /** The JDK's libjpeg-based reader, if this runtime has it. */
    public static Optional<JpegImageIoDecoder> jdk() {
        return ImageIoReaders.provider("jpeg", JDK_READER)
                .map(p -> new JpegImageIoDecoder(JDK_NAME, JDK_READER, p, true));
    }

    /** TwelveMonkeys' reader, if it is on the class path. */
    public static Optional<JpegImageIoDecoder> twelveMonkeys() {
        return ImageIoReaders.provider("jpeg", TWELVEMONKEYS_READER)
                .map(p -> new JpegImageIoDecoder(TWELVEMONKEYS_NAME, TWELVEMONKEYS_READER, p, false));
    }

    /** As {@link #jdk()}, looked for at its first decode rather than now. */
    static JpegImageIoDecoder jdkOnFirstUse() {
        return new JpegImageIoDecoder(JDK_NAME, JDK_READER, null, true);
    }

    /** As {@link #twelveMonkeys()}, looked for at its first decode rather than now. */
    static JpegImageIoDecoder twelveMonkeysOnFirstUse() {
        return new JpegImageIoDecoder(TWELVEMONKEYS_NAME, TWELVEMONKEYS_READER, null, false);
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Ready once ImageIO's plugins are loaded (loading them takes some 0.15 s the first time, on two cores): looking
     * for a reader, this decoder's or another's, loads them, so a decoder that has looked is ready too.
     */
    @Override
    public boolean ready() {
        return ImageIoReaders.pluginsLoaded();
    }

    /** Two threads may both look at first: each finds the same provider, and the reader kept is as good. */
    private ThreadLocal<ImageReader> reader() throws DecodeException {
        Optional<ThreadLocal<ImageReader>> found = reader;
        if (found == null) {
            found = ImageIoReaders.provider("jpeg", readerClass).map(ImageIoReaders::perThread);
            reader = found;
        }
        return found.orElseThrow(() -> new DecodeException("its reader is not in this runtime"));
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
        Raster raster = ImageIoReaders.readRaster(reader(), deadline, name, "JPEG", frame, true);
        JpegColour.Resolution colour = JpegColour.resolve(header, jpeg);
        int bytesPerSample = jpeg.precision() > 8 ? 2 : 1;
        return CodecOutput.stored(frame.index(), header, colour.photometric(),
                ImageIoReaders.interleavedSamples(raster), bytesPerSample, jpeg.precision(), false, colour.note());
    }
}
