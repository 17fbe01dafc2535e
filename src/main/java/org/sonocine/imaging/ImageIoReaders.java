package org.sonocine.imaging;

import org.sonocine.imaging.codec.DecodeException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.SampleModel;
import java.util.Iterator;
import java.util.Optional;

/** Finding ImageIO reader plugins by class, one instance per thread, and taking samples out of rasters. */
final class ImageIoReaders {
    private ImageIoReaders() {
    }

    /** Set once a reader was asked for here, which loads every ImageIO plugin on the class path. */
    private static volatile boolean pluginsLoaded;

    /** The provider whose reader class is {@code readerClass}, among the readers for {@code format}. */
    static Optional<ImageReaderSpi> provider(String format, String readerClass) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        pluginsLoaded = true;
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            try {
                if (reader.getClass().getName().equals(readerClass)) {
                    return Optional.ofNullable(reader.getOriginatingProvider());
                }
            } finally {
                reader.dispose();
            }
        }
        return Optional.empty();
    }

    /** Whether ImageIO's plugins are known to be loaded: a reader was asked for here. */
    static boolean pluginsLoaded() {
        return pluginsLoaded;
    }

    /** A reader per thread: ImageIO readers keep state and are not thread-safe. */
    static ThreadLocal<ImageReader> perThread(ImageReaderSpi provider) {
        return ThreadLocal.withInitial(() -> {
            try {
                return provider.createReaderInstance();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /**
     * Reads the first image of {@code codestream} as a raster (no colour conversion) with this thread's reader,
     * within {@code deadline}, and checks it has the size and components the header declares. {@code clearInput}
     * releases the input afterwards, for readers that accept a null input. A reader whose call was abandoned is
     * not used again.
     */
    static Raster readRaster(ThreadLocal<ImageReader> readers, CodecDeadline deadline, String name, String codec,
                             EncodedFrame frame, boolean clearInput) throws DecodeException {
        ImageReader reader = readers.get();
        PixelDescription header = frame.header();
        long samples = (long) header.pixels() * header.samplesPerPixel();
        Raster raster = deadline.call(codec, frame.index(), frame.bytes().length, samples,
                () -> readRaster(reader, name, codec, frame, clearInput), readers::remove);
        CodecOutput.requireHeaderSize(frame.header(), codec, raster.getWidth(), raster.getHeight(),
                raster.getNumBands());
        return raster;
    }

    private static Raster readRaster(ImageReader reader, String name, String codec, EncodedFrame frame,
                                     boolean clearInput) throws DecodeException {
        try (com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream in =
                     new com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream(frame.bytes())) {
            reader.setInput(in, true, true);
            return reader.readRaster(0, null);
        } catch (OutOfMemoryError e) {
            throw outOfMemory(codec, frame);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (java.io.IOException | RuntimeException | Error e) {
            if (FrameFailure.isOutOfMemory(e)) {
                throw outOfMemory(codec, frame);
            }
            // Codec internals ("Index 59904 out of bounds") mean nothing to a reader: say what they amount to.
            throw new DecodeException("frame " + (frame.index() + 1) + ": the " + codec + " data is corrupt ("
                    + name + ": " + FrameDecoders.describe(e) + ")", e);
        } finally {
            if (clearInput) {
                reader.setInput(null);
            }
        }
    }

    /**
     * A codec that runs out of memory on a frame whose header fits in memory was led there by its data. The
     * allocation that failed is given back by now; the frame is refused, not retried, and the error is not kept
     * as the cause, which would mark the failure as a passing shortage.
     */
    private static DecodeException outOfMemory(String codec, EncodedFrame frame) {
        PixelDescription header = frame.header();
        return new DecodeException("frame " + (frame.index() + 1) + ": the " + codec + " decoder ran out of memory"
                + " on " + header.columns() + " x " + header.rows() + " pixels of " + header.samplesPerPixel()
                + " samples (the data may be corrupt)");
    }

    /** The raster's samples, interleaved by pixel, as little-endian bytes of 1 or 2 bytes per sample. */
    static byte[] interleavedSamples(Raster raster) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        int bands = raster.getNumBands();
        DataBuffer buffer = raster.getDataBuffer();
        SampleModel model = raster.getSampleModel();
        boolean plain = model instanceof PixelInterleavedSampleModel p && p.getPixelStride() == bands
                && p.getScanlineStride() == w * bands && isIdentity(p.getBandOffsets())
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && buffer.getNumBanks() == 1 && buffer.getOffset() == 0;
        if (buffer instanceof DataBufferByte bytes && plain && bytes.getData().length == w * h * bands) {
            return bytes.getData();
        }
        int[] samples = raster.getPixels(0, 0, w, h, (int[]) null);
        if (buffer instanceof DataBufferByte) {
            byte[] out = new byte[samples.length];
            for (int i = 0; i < samples.length; i++) {
                out[i] = (byte) samples[i];
            }
            return out;
        }
        if (buffer instanceof DataBufferUShort ushort && plain && ushort.getData().length == w * h * bands) {
            short[] data = ushort.getData();
            byte[] out = new byte[data.length * 2];
            for (int i = 0; i < data.length; i++) {
                out[2 * i] = (byte) data[i];
                out[2 * i + 1] = (byte) (data[i] >> 8);
            }
            return out;
        }
        byte[] out = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            out[2 * i] = (byte) samples[i];
            out[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return out;
    }

    private static boolean isIdentity(int[] offsets) {
        for (int i = 0; i < offsets.length; i++) {
            if (offsets[i] != i) {
                return false;
            }
        }
        return true;
    }
}
