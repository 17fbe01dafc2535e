package org.sonocine.imaging.jpeg2000;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sonocine.imaging.codec.DecodeException;

class EbcotBlockDecoderTest {
    private static final int[][] SIZES = {{1, 1}, {1, 7}, {5, 1}, {3, 5}, {4, 4}, {8, 9}, {13, 4}, {32, 32},
            {64, 64}, {1024, 4}, {4, 1024}, {17, 64}, {7, 3}};
    private static final int[] STYLES = {0, CodeBlock.BYPASS, CodeBlock.RESET, CodeBlock.TERMINATE_EACH_PASS,
            CodeBlock.VERTICALLY_CAUSAL, CodeBlock.PREDICTABLE_TERMINATION, CodeBlock.SEGMENTATION_SYMBOLS,
            CodeBlock.BYPASS | CodeBlock.TERMINATE_EACH_PASS, CodeBlock.BYPASS | CodeBlock.RESET | CodeBlock.VERTICALLY_CAUSAL,
            0x3F};

    @Test
    void mqDecoderReadsWhatTheEncoderWrote() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int n = random.nextInt(5000);
            int[] symbols = new int[n];
            int[] contexts = new int[n];
            int skew = random.nextInt(20);
            for (int i = 0; i < n; i++) {
                contexts[i] = random.nextInt(5);
                symbols[i] = random.nextInt(20) < skew + contexts[i] ? 1 : 0;
            }
            MqEncoder encoder = new MqEncoder(5);
            encoder.start();
            for (int i = 0; i < n; i++) {
                encoder.encode(symbols[i], contexts[i]);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            encoder.finish(bytes);
            byte[] data = bytes.toByteArray();
            MqDecoder decoder = new MqDecoder(5);
            decoder.start(data, 0, data.length);
            MqDecoder branchy = new MqDecoder(5);
            branchy.start(data, 0, data.length);
            for (int i = 0; i < n; i++) {
                assertEquals(symbols[i], decoder.decode(contexts[i]), "symbol " + i + " of round " + round);
                assertEquals(symbols[i], branchy.decodeMostlyMps(contexts[i]), "symbol " + i + " of round " + round);
            }
        }
    }

    /**
     * The MQ coder's published test sequence (ITU-T T.88 H.2): 256 decisions in one context and their bytes, which
     * there end with the 0xFFAC marker JBIG2 puts after a flush.
     */
    @Test
    void mqCoderMatchesThePublishedTestSequence() {
        byte[] decisions = HexFormat.of().parseHex(
                "00020051000000C00352872AAAAAAAAA82C02000FCD79EF6BF7FED904F46A3BF");
        byte[] coded = HexFormat.of().parseHex("84C73BFCE1A1430402200000410DBB86F4317FFF88FF37471ADB6ADFFFAC");
        MqDecoder decoder = new MqDecoder(1);
        decoder.start(coded, 0, coded.length);
        MqEncoder encoder = new MqEncoder(1);
        encoder.start();
        for (int i = 0; i < 256; i++) {
            int bit = (decisions[i >> 3] >> (7 - (i & 7))) & 1;
            assertEquals(bit, decoder.decode(0), "decision " + i);
            encoder.encode(bit, 0);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encoder.finish(out);
        assertArrayEquals(Arrays.copyOf(coded, coded.length - 2), out.toByteArray());
    }

    @Test
    void decodesEveryPassOfEveryStyleBandAndSize() throws DecodeException {
        Random random = new Random(11);
        EbcotBlockDecoder decoder = new EbcotBlockDecoder();
        for (int[] size : SIZES) {
            for (int style : STYLES) {
                for (CodeBlock.Band band : CodeBlock.Band.values()) {
                    int[] coefficients = coefficients(random, size[0] * size[1], 1 + random.nextInt(14));
                    EbcotTestEncoder.Encoded encoded = EbcotTestEncoder.encode(coefficients, size[0], size[1], band,
                            style, 16);
                    int[] out = new int[size[0] * size[1]];
                    decoder.decode(encoded.block(), out, 0, size[0]);
                    int[] expected = encoded.expected(coefficients, encoded.block().passes());
                    assertArrayEquals(expected, out, size[0] + "x" + size[1] + " style " + style + " " + band);
                    for (int i = 0; i < out.length; i++) {
                        assertEquals(coefficients[i], out[i] / 2, "lossless value " + i); // 2v ± 1 halves to v
                    }
                }
            }
        }
        assertEquals(0, decoder.segmentationMismatches());
    }

    @Test
    void truncatedPassesReconstructAtTheMidpointOfWhatIsKnown() throws DecodeException {
        Random random = new Random(12);
        EbcotBlockDecoder decoder = new EbcotBlockDecoder();
        for (int style : STYLES) {
            for (int round = 0; round < 6; round++) {
                int w = 1 + random.nextInt(40);
                int h = 1 + random.nextInt(40);
                int[] coefficients = coefficients(random, w * h, 4 + random.nextInt(10));
                CodeBlock.Band band = CodeBlock.Band.values()[round & 3];
                EbcotTestEncoder.Encoded encoded = EbcotTestEncoder.encode(coefficients, w, h, band, style, 20);
                CodeBlock full = encoded.block();
                for (int passes = 1; passes <= full.passes(); passes++) {
                    int[] out = new int[w * h];
                    decoder.decode(truncated(full, passes), out, 0, w);
                    assertArrayEquals(encoded.expected(coefficients, passes), out,
                            "style " + style + ", " + passes + " of " + full.passes() + " passes");
                }
            }
        }
    }

    @Test
    void writesIntoAStridedPlane() throws DecodeException {
        Random random = new Random(13);
        int[] coefficients = coefficients(random, 6 * 5, 9);
        EbcotTestEncoder.Encoded encoded = EbcotTestEncoder.encode(coefficients, 6, 5, CodeBlock.Band.HL, 0, 12);
        int[] plane = new int[3 + 11 * 5];
        Arrays.fill(plane, 12345);
        new EbcotBlockDecoder().decode(encoded.block(), plane, 3, 11);
        int[] expected = encoded.expected(coefficients, encoded.block().passes());
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 11; x++) {
                int value = plane[3 + y * 11 + x];
                assertEquals(x < 6 ? expected[y * 6 + x] : 12345, value);
            }
        }
    }

    @Test
    void corruptSegmentTablesAreRefusedWithAMessage() {
        EbcotBlockDecoder decoder = new EbcotBlockDecoder();
        int[] out = new int[64];
        DecodeException tooLong = assertThrows(DecodeException.class, () -> decoder.decode(new CodeBlock(8, 8,
                CodeBlock.Band.LL, 8, 0, 1, 0, new byte[4], new int[] {10}, new int[] {1}), out, 0, 8));
        assertEquals("Code-block segments need 10 bytes but 4 are there", tooLong.getMessage());
        DecodeException tooFew = assertThrows(DecodeException.class, () -> decoder.decode(new CodeBlock(8, 8,
                CodeBlock.Band.LL, 8, 0, 5, 0, new byte[4], new int[] {4}, new int[] {2}), out, 0, 8));
        assertEquals("Code-block has 5 coding passes but its segments hold 2", tooFew.getMessage());
        DecodeException huge = assertThrows(DecodeException.class, () -> decoder.decode(new CodeBlock(128, 64,
                CodeBlock.Band.LL, 8, 0, 1, 0, new byte[4], new int[] {4}, new int[] {1}), out, 0, 8));
        assertEquals("Code-block of 128 x 64 samples is outside the standard's limits", huge.getMessage());
        DecodeException mixed = assertThrows(DecodeException.class, () -> decoder.decode(new CodeBlock(4, 4,
                CodeBlock.Band.LL, 12, 0, 12, CodeBlock.BYPASS, new byte[4], new int[] {4}, new int[] {12}), out, 0, 4));
        assertEquals("Codeword segment 0 mixes raw and arithmetic-coded passes", mixed.getMessage());
    }

    @Test
    void garbageDecodesToSomethingWithoutFailing() throws DecodeException {
        Random random = new Random(14);
        EbcotBlockDecoder decoder = new EbcotBlockDecoder();
        int[] out = new int[4096];
        for (int round = 0; round < 200; round++) {
            byte[] data = new byte[random.nextInt(300)];
            random.nextBytes(data);
            int style = random.nextInt(64);
            int passes = 1 + random.nextInt(40);
            int[] lengths;
            int[] counts;
            if ((style & (CodeBlock.TERMINATE_EACH_PASS | CodeBlock.BYPASS)) != 0) {
                lengths = new int[passes];
                counts = new int[passes];
                Arrays.fill(counts, 1);
                for (int i = 0; i < passes; i++) {
                    lengths[i] = data.length / passes;
                }
            } else {
                lengths = new int[] {data.length};
                counts = new int[] {passes};
            }
            decoder.decode(new CodeBlock(64, 64, CodeBlock.Band.values()[round & 3], 20, 3, passes, style, data,
                    lengths, counts), out, 0, 64);
            for (int v : out) {
                assertTrue(Math.abs(v) < 1 << 18);
            }
        }
    }

    /** Laplacian-like magnitudes below 2^bits with runs of zeros, random signs. */
    private static int[] coefficients(Random random, int n, int bits) {
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            double e = -Math.log(1 - random.nextDouble()) * (1 << bits) / 8.0;
            int v = (int) Math.min((1 << bits) - 1, e);
            c[i] = random.nextBoolean() ? -v : v;
        }
        if (Arrays.stream(c).allMatch(v -> v == 0)) {
            c[random.nextInt(n)] = 1;
        }
        return c;
    }

    /** The block as tier-2 would give it with only the first passes included: whole segments, fewer passes. */
    private static CodeBlock truncated(CodeBlock full, int passes) {
        int[] lengths = full.segmentLengths();
        int[] counts = full.segmentPasses();
        int left = passes;
        int n = 0;
        int[] newCounts = new int[counts.length];
        while (left > 0) {
            newCounts[n] = Math.min(left, counts[n]);
            left -= newCounts[n];
            n++;
        }
        return new CodeBlock(full.width(), full.height(), full.band(), full.magnitudeBits(), full.zeroBitPlanes(),
                passes, full.style(), full.data(), Arrays.copyOf(lengths, n), Arrays.copyOf(newCounts, n));
    }
}
