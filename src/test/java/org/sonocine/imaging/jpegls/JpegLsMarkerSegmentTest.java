package org.sonocine.imaging.jpegls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.sonocine.imaging.codec.RawImage;
import org.sonocine.imaging.jpegls.JpegLsTestEncoder.Options;

/** Marker segments around the scans that change nothing, or only where the image size comes from. */
class JpegLsMarkerSegmentTest {
    private static final int WIDTH = 19;
    private static final int HEIGHT = 13;
    private static final Options OPTIONS = Options.lossless(8, 3, 1);
    private final int[] source = SyntheticImages.smooth(WIDTH, HEIGHT, 3, 255, 21);
    private final byte[] codestream = JpegLsTestEncoder.encode(source, WIDTH, HEIGHT, OPTIONS).codestream();

    private static byte[] insert(byte[] codestream, int at, byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(codestream, 0, at);
        out.writeBytes(bytes);
        out.write(codestream, at, codestream.length - at);
        return out.toByteArray();
    }

    private void assertDecodesTheSource(byte[] variant) throws IOException {
        RawImage image = Codestreams.decode(variant);
        assertEquals(WIDTH, image.width());
        assertEquals(HEIGHT, image.height());
        assertArrayEquals(source, SyntheticImages.samples(image));
    }

    @Test
    void commentsApplicationSegmentsAndFillBytesAreSkipped() throws IOException {
        byte[] comment = {(byte) 0xFF, (byte) 0xFE, 0, 5, 'h', 'i', '!'};
        byte[] app0 = {(byte) 0xFF, (byte) 0xE0, 0, 4, 1, 2};
        byte[] otherApp8 = {(byte) 0xFF, (byte) 0xE8, 0, 6, 'x', 'f', 'r', 'm'};
        byte[] fill = {(byte) 0xFF, (byte) 0xFF};
        byte[] variant = insert(codestream, 2, comment);
        variant = insert(variant, 2, app0);
        variant = insert(variant, 2, otherApp8);
        variant = insert(variant, variant.length - 2, fill);
        assertDecodesTheSource(variant);
    }

    @Test
    void aMissingEoiIsToleratedOnceEveryComponentIsDecoded() throws IOException {
        assertDecodesTheSource(Arrays.copyOf(codestream, codestream.length - 2));
    }

    @Test
    void dataAfterEoiIsIgnored() throws IOException {
        byte[] padded = Arrays.copyOf(codestream, codestream.length + 3);
        assertDecodesTheSource(padded);
    }

    @Test
    void anLseOversizeSegmentSuppliesTheDimensions() throws IOException {
        byte[] variant = codestream.clone();
        int sof = 2;
        Arrays.fill(variant, sof + 5, sof + 9, (byte) 0); // SOF55 Y = X = 0
        int afterSof = sof + 2 + ((variant[sof + 2] & 0xFF) << 8 | (variant[sof + 3] & 0xFF));
        byte[] oversize = {(byte) 0xFF, (byte) 0xF8, 0, 10, 4, 3, 0, 0, HEIGHT, 0, 0, WIDTH}; // ID 4, 3-byte sizes
        assertDecodesTheSource(insert(variant, afterSof, oversize));
    }

    @Test
    void aRestartIntervalMayUseFourByteFields() throws IOException {
        Options options = OPTIONS.withRestartInterval(4);
        byte[] restarts = JpegLsTestEncoder.encode(source, WIDTH, HEIGHT, options).codestream();
        int dri = -1;
        for (int i = 0; i + 1 < restarts.length && dri < 0; i++) {
            if (restarts[i] == (byte) 0xFF && restarts[i + 1] == (byte) 0xDD) {
                dri = i;
            }
        }
        byte[] wide = {(byte) 0xFF, (byte) 0xDD, 0, 6, 0, 0, 0, 4};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(restarts, 0, dri);
        out.writeBytes(wide);
        out.write(restarts, dri + 6, restarts.length - dri - 6);
        assertDecodesTheSource(out.toByteArray());
    }
}
