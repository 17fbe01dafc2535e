package org.sonocine.imaging.jpeg2000;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.imaging.codec.RawImage;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier-2's HT rules of ISO/IEC 15444-15 for placeholder passes: a code-block's first packet may count passes of
 * HT sets before the one it carries (three per set, no bytes), with the zero bit-planes lowered to match and the
 * cleanup length coded with Lblock + ⌊log2(passes up to the cleanup)⌋ bits. An OpenJPH codestream with its packet
 * header rewritten so must decode to the same pixels.
 */
class HtPlaceholderPassesTest {
    @TempDir
    Path dir;

    @BeforeEach
    void needsOpenJph() {
        OpenJph.assumeInstalled();
    }

    @Test
    void placeholderSetsBeforeTheCleanupPassChangeNothing() throws Exception {
        int width = 48;
        int height = 40;
        Random random = new Random(9);
        int[] pixels = new int[width * height];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = 124 + random.nextInt(9);
        }
        byte[] original = OpenJph.compress(dir, pixels, width, height, 1, 8, "-reversible", "true",
                "-num_decomps", "0", "-block_size", "{64,64}");
        SingleBlockCodestream.Parsed parsed = SingleBlockCodestream.parse(original, CodeBlock.HIGH_THROUGHPUT);
        assertThat(parsed.block().zeroBitPlanes()).as("zero bit-planes to trade for placeholders").isGreaterThan(2);
        for (int sets = 0; sets <= 2; sets++) {
            byte[] rewritten = withPlaceholders(original, parsed, sets);
            RawImage image = new Jpeg2000ImageDecoder(false).decode(rewritten, 0, rewritten.length);
            assertThat(HtBlockDecoderRoundTripTest.firstDifference(HtJ2kRoundTripTest.samples(image), pixels))
                    .as("%d placeholder sets", sets).isEqualTo("none");
        }
    }

    private static byte[] withPlaceholders(byte[] original, SingleBlockCodestream.Parsed parsed, int sets) {
        int passes = 1 + 3 * sets;
        PacketHeaderWriter header = new PacketHeaderWriter();
        header.bit(1); // packet not empty
        header.bit(1); // included in layer 0
        for (int i = 0; i < parsed.block().zeroBitPlanes() - sets; i++) {
            header.bit(0);
        }
        header.bit(1);
        if (passes == 1) {
            header.bits(0, 1);
        } else if (passes <= 5) {
            header.bits(3, 2);
            header.bits(passes - 3, 2);
        } else {
            header.bits(15, 4);
            header.bits(passes - 6, 5);
        }
        for (int i = 3; i < parsed.lblock(); i++) {
            header.bit(1);
        }
        header.bit(0);
        int length = parsed.block().segmentLengths()[0];
        header.bits(length, parsed.lblock() + 31 - Integer.numberOfLeadingZeros(passes));
        byte[] headerBytes = header.finish();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(original, 0, parsed.headerStart());
        out.writeBytes(headerBytes);
        out.write(original, parsed.bodyStart(), original.length - parsed.bodyStart());
        byte[] result = out.toByteArray();
        int psotAt = parsed.tilePartStart() + 6;
        long psot = (result[psotAt] & 0xFFL) << 24 | (result[psotAt + 1] & 0xFF) << 16
                | (result[psotAt + 2] & 0xFF) << 8 | (result[psotAt + 3] & 0xFF);
        if (psot != 0) {
            psot += headerBytes.length - (parsed.bodyStart() - parsed.headerStart());
            for (int k = 0; k < 4; k++) {
                result[psotAt + k] = (byte) (psot >> (24 - 8 * k));
            }
        }
        return result;
    }

}
