package org.sonocine.imaging.jpeg2000;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.imaging.codec.RawImage;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole HTJ2K codestreams that OpenJPH made of pixels written here, decoded by our decoder: lossless ones must give
 * the pixels back exactly, over block sizes, odd image sizes, bit depths, signed samples, colour, wavelet levels,
 * progression orders and tiles.
 */
class HtJ2kRoundTripTest {
    @TempDir
    Path dir;

    @BeforeEach
    void needsOpenJph() {
        OpenJph.assumeInstalled();
    }

    @Test
    void eightBitGreyWithDefaultSettings() throws Exception {
        lossless(256, 192, 1, 8, HtBlockDecoderRoundTripTest.smooth(256, 192, 8, 1), "-reversible", "true");
    }

    @Test
    void oddSizesAndBlockShapes() throws Exception {
        String[][] blocks = {{"{64,64}"}, {"{32,32}"}, {"{16,64}"}, {"{128,32}"}, {"{8,8}"}, {"{4,1024}"}};
        int seed = 3;
        for (String[] block : blocks) {
            int[] pixels = HtBlockDecoderRoundTripTest.mixed(131, 77, 8, seed++);
            lossless(131, 77, 1, 8, pixels, "-reversible", "true", "-block_size", block[0]);
        }
    }

    @Test
    void twelveAndSixteenBitsOverLevelsZeroToSix() throws Exception {
        for (int levels = 0; levels <= 6; levels++) {
            lossless(97, 203, 1, 12, HtBlockDecoderRoundTripTest.mixed(97, 203, 12, levels), "-reversible", "true",
                    "-num_decomps", Integer.toString(levels));
            lossless(64, 33, 1, 16, HtBlockDecoderRoundTripTest.noise(64, 33, 16, levels), "-reversible", "true",
                    "-num_decomps", Integer.toString(levels));
        }
    }

    @Test
    void rgbWithAndWithoutColourTransform() throws Exception {
        int[] pixels = HtBlockDecoderRoundTripTest.mixed(3 * 150, 101, 8, 7);
        lossless(150, 101, 3, 8, pixels, "-reversible", "true");
        lossless(150, 101, 3, 8, pixels, "-reversible", "true", "-colour_trans", "false");
        int[] wide = HtBlockDecoderRoundTripTest.mixed(3 * 70, 45, 12, 8);
        lossless(70, 45, 3, 12, wide, "-reversible", "true", "-num_decomps", "3");
    }

    @Test
    void everyProgressionOrderWithTilesAndPrecincts() throws Exception {
        int[] pixels = HtBlockDecoderRoundTripTest.mixed(3 * 200, 150, 8, 11);
        for (String order : new String[] {"LRCP", "RLCP", "RPCL", "PCRL", "CPRL"}) {
            lossless(200, 150, 3, 8, pixels, "-reversible", "true", "-prog_order", order);
            lossless(200, 150, 3, 8, pixels, "-reversible", "true", "-prog_order", order, "-tile_size", "{64,96}",
                    "-block_size", "{32,32}");
            lossless(200, 150, 3, 8, pixels, "-reversible", "true", "-prog_order", order,
                    "-precincts", "{32,32},{64,64},{128,128}", "-num_decomps", "4");
        }
    }

    /**
     * Signed components: no DC level shift, two's complement out. ojph_compress reads raw samples without sign
     * extension, so only the non-negative half of the range can be given to it; the wavelet's negative coefficients
     * still occur.
     */
    @Test
    void signedSamples() throws Exception {
        for (int bitDepth : new int[] {16, 12}) {
            int[] pixels = HtBlockDecoderRoundTripTest.mixed(90, 61, bitDepth - 1, 21 + bitDepth);
            byte[] codestream = OpenJph.compressRaw(dir, pixels, 90, 61, bitDepth, true, "-reversible", "true",
                    "-num_decomps", bitDepth == 16 ? "5" : "2");
            RawImage image = new Jpeg2000ImageDecoder(false).decode(codestream, 0, codestream.length);
            int[] decoded = samples(image);
            for (int i = 0; i < decoded.length; i++) {
                decoded[i] = (decoded[i] << 16) >> 16;
            }
            assertThat(HtBlockDecoderRoundTripTest.firstDifference(decoded, pixels)).as("%d-bit", bitDepth)
                    .isEqualTo("none");
        }
    }

    @Test
    void decodesInParallelAsOnOneThread() throws Exception {
        int[] pixels = HtBlockDecoderRoundTripTest.mixed(3 * 300, 200, 8, 31);
        byte[] codestream = OpenJph.compress(dir, pixels, 300, 200, 3, 8, "-reversible", "true",
                "-block_size", "{32,32}");
        int[] parallel = samples(new Jpeg2000ImageDecoder(true).decode(codestream, 0, codestream.length));
        assertThat(HtBlockDecoderRoundTripTest.firstDifference(parallel, pixels)).isEqualTo("none");
    }

    private void lossless(int width, int height, int components, int bitDepth, int[] pixels, String... options)
            throws Exception {
        byte[] codestream = OpenJph.compress(dir, pixels, width, height, components, bitDepth, options);
        RawImage image = new Jpeg2000ImageDecoder(false).decode(codestream, 0, codestream.length);
        assertThat(new int[] {image.width(), image.height(), image.components(), image.precision()})
                .containsExactly(width, height, components, bitDepth);
        assertThat(HtBlockDecoderRoundTripTest.firstDifference(samples(image), pixels))
                .as("%dx%dx%d %d-bit %s", width, height, components, bitDepth, String.join(" ", options))
                .isEqualTo("none");
    }

    static int[] samples(RawImage image) {
        int count = image.width() * image.height() * image.components();
        int[] samples = new int[count];
        for (int i = 0; i < count; i++) {
            samples[i] = image.isWide() ? image.shorts()[i] & 0xFFFF : image.bytes()[i] & 0xFF;
        }
        return samples;
    }
}
