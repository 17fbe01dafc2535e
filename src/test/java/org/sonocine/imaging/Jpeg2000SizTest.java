package org.sonocine.imaging;

import org.junit.jupiter.api.Test;
import org.sonocine.imaging.codec.DecodeException;

import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Iterator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Codestreams of a few bytes whose SIZ segment declares an image, a tile grid or a component count a decoder would
 * allocate for: refused with a message as soon as the SIZ segment is read, before anything is allocated for it.
 */
class Jpeg2000SizTest {

    /** SIZ fields, in their order. */
    private record Siz(long xsiz, long ysiz, long xosiz, long yosiz, long xtsiz, long ytsiz, long xtosiz,
                       long ytosiz, int components, int xr, int yr) {
        static Siz square(long size, long tile, int components) {
            return new Siz(size, size, 0, 0, tile, tile, 0, 0, components, 1, 1);
        }
    }

    /** SOC, SIZ, a 5/3 lossless COD and a QCD, one tile-part of a few coded bytes, EOC. */
    private static byte[] codestream(Siz s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        marker(out, 0xFF4F);
        marker(out, 0xFF51);
        u16(out, 38 + 3 * s.components);
        u16(out, 0);
        for (long v : new long[] {s.xsiz, s.ysiz, s.xosiz, s.yosiz, s.xtsiz, s.ytsiz, s.xtosiz, s.ytosiz}) {
            u32(out, v);
        }
        u16(out, s.components);
        for (int c = 0; c < s.components; c++) {
            out.write(7);
            out.write(s.xr);
            out.write(s.yr);
        }
        // COD: no precincts, LRCP, 1 layer, no colour transform, 5 levels, 64 x 64 code-blocks, 5/3 wavelet
        out.writeBytes(new byte[] {(byte) 0xFF, 0x52, 0, 12, 0, 0, 0, 1, 0, 5, 4, 4, 0, 1});
        // QCD: no quantisation, guard bits 2, one exponent per sub-band
        marker(out, 0xFF5C);
        u16(out, 3 + 16);
        out.write(0x40);
        for (int i = 0; i < 16; i++) {
            out.write(8 << 3);
        }
        byte[] data = {0x12, 0x34, 0x56, 0x78};
        marker(out, 0xFF90);
        u16(out, 10);
        u16(out, 0);
        u32(out, 12 + 2 + data.length);
        out.write(0);
        out.write(1);
        marker(out, 0xFF93);
        out.writeBytes(data);
        marker(out, 0xFFD9);
        return out.toByteArray();
    }

    private static void marker(ByteArrayOutputStream out, int marker) {
        u16(out, marker);
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    private static void u32(ByteArrayOutputStream out, long v) {
        u16(out, (int) (v >>> 16) & 0xFFFF);
        u16(out, (int) v & 0xFFFF);
    }

    private static String refusal(byte[] codestream, int rows, int columns, int samples) {
        EncodedFrame frame = TestImages.eightBitFrame(codestream, rows, columns, samples);
        Jpeg2000FrameDecoder decoder = new Jpeg2000FrameDecoder();
        String message = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(DecodeException.class, () -> decoder.decode(frame))).getMessage();
        assertThat(message).startsWith("frame 1: ");
        return message.substring("frame 1: ".length());
    }

    @Test
    void aHugeImageTheHeaderDoesNotDeclareIsRefused() {
        assertThat(refusal(codestream(Siz.square(60000, 60000, 1)), 32, 32, 1)).isEqualTo("the JPEG 2000"
                + " codestream is 60000 x 60000 with 1 component; the header says 32 x 32 with 1");
    }

    @Test
    void theImageSizeIsTakenWithoutItsOffset() {
        Siz offset = new Siz(60032, 60032, 60000, 60000, 60032, 60032, 0, 0, 1, 1, 1);
        assertThat(refusal(codestream(offset), 16, 16, 1)).isEqualTo("the JPEG 2000 codestream is 32 x 32 with 1"
                + " component; the header says 16 x 16 with 1");
    }

    @Test
    void moreComponentsThanSamplesPerPixelAreRefused() {
        assertThat(refusal(codestream(Siz.square(32, 32, 16000)), 32, 32, 1)).isEqualTo("the JPEG 2000"
                + " codestream is 32 x 32 with 16000 components; the header says 32 x 32 with 1");
    }

    @Test
    void moreTilesThanTheCodestreamCanHoldAreRefused() {
        byte[] codestream = codestream(Siz.square(4000, 1, 1));
        assertThat(refusal(codestream, 4000, 4000, 1)).isEqualTo("the JPEG 2000 codestream declares 16000000 tiles,"
                + " but its " + codestream.length + " bytes can hold at most " + codestream.length / 14);
    }

    @Test
    void aSubsamplingFactorOfZeroIsRefused() {
        Siz zero = new Siz(32, 32, 0, 0, 32, 32, 0, 0, 1, 0, 1);
        assertThat(refusal(codestream(zero), 32, 32, 1))
                .isEqualTo("JPEG 2000 component 1 declares a subsampling factor of 0 (0 x 1)");
    }

    @Test
    void aSizSegmentShorterThanItsComponentsIsRefused() {
        byte[] codestream = codestream(Siz.square(32, 32, 3));
        codestream[5] = 38 + 3;
        assertThat(refusal(codestream, 32, 32, 3))
                .isEqualTo("the JPEG 2000 SIZ segment of 41 bytes does not hold the 3 components it declares");
    }

    @Test
    void runningOutOfMemoryInTheDecoderRefusesTheFrame() throws DecodeException {
        EncodedFrame frame = TestImages.eightBitFrame(codestream(Siz.square(32, 32, 1)), 32, 32, 1);
        CodecDeadline deadline = new CodecDeadline(5_000, 0, 2);
        for (RuntimeException thrown : new RuntimeException[] {null, new RuntimeException("Java heap space"),
            new IllegalStateException("decoding failed", new OutOfMemoryError("Java heap space"))}) {
            ThreadLocal<ImageReader> readers = ThreadLocal.withInitial(() -> new FailingReader(thrown));
            DecodeException e = assertThrows(DecodeException.class,
                    () -> ImageIoReaders.readRaster(readers, deadline, "JAI", "JPEG 2000", frame, false));
            assertThat(e.getMessage()).isEqualTo("frame 1: the JPEG 2000 decoder ran out of memory on 32 x 32"
                    + " pixels of 1 samples (the data may be corrupt)");
            assertThat(FrameFailure.isRetryable(e)).as("a refusal, not a passing shortage").isFalse();
        }
    }

    /** A reader whose decoder runs out of memory: an OutOfMemoryError, or {@code thrown} when given. */
    private static final class FailingReader extends ImageReader {
        private final RuntimeException thrown;

        FailingReader(RuntimeException thrown) {
            super(null);
            this.thrown = thrown;
        }

        @Override
        public Raster readRaster(int imageIndex, ImageReadParam param) {
            if (thrown == null) {
                throw new OutOfMemoryError("Java heap space");
            }
            throw thrown;
        }

        @Override
        public int getNumImages(boolean allowSearch) {
            return 1;
        }

        @Override
        public int getWidth(int imageIndex) {
            return 32;
        }

        @Override
        public int getHeight(int imageIndex) {
            return 32;
        }

        @Override
        public Iterator<ImageTypeSpecifier> getImageTypes(int imageIndex) {
            return java.util.Collections.emptyIterator();
        }

        @Override
        public IIOMetadata getStreamMetadata() {
            return null;
        }

        @Override
        public IIOMetadata getImageMetadata(int imageIndex) {
            return null;
        }

        @Override
        public BufferedImage read(int imageIndex, ImageReadParam param) {
            readRaster(imageIndex, param);
            return null;
        }
    }
}
