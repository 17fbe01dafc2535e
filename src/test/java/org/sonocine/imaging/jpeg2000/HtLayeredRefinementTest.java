package org.sonocine.imaging.jpeg2000;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.imaging.codec.RawImage;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier-2 with HT refinement passes, whole codestreams: an OpenJPH cleanup segment (its subband made one bit-plane
 * deeper in QCD) plus a refinement segment coded here, sent in one packet or spread over two or three quality
 * layers (ISO/IEC 15444-15: the cleanup segment's length in Lblock bits, the SigProp/MagRef segment's in Lblock +
 * ⌊log2(its passes in the packet)⌋, a later layer's passes continuing the same segment).
 */
class HtLayeredRefinementTest {
    private static final int WIDTH = 45;
    private static final int HEIGHT = 38;

    @TempDir
    Path dir;

    @BeforeEach
    void needsOpenJph() {
        OpenJph.assumeInstalled();
    }

    @Test
    void refinementInTheCleanupsPacketOrInLaterLayers() throws Exception {
        Random random = new Random(17);
        int[] pixels = new int[WIDTH * HEIGHT];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt(5) == 0 ? 78 + random.nextInt(101) : 128;
        }
        byte[] original = OpenJph.compress(dir, pixels, WIDTH, HEIGHT, 1, 8, "-reversible", "true",
                "-num_decomps", "0", "-block_size", "{64,64}");
        SingleBlockCodestream.Parsed parsed = SingleBlockCodestream.parse(original, CodeBlock.HIGH_THROUGHPUT);
        int cleanupLength = parsed.block().segmentLengths()[0];
        assertThat(parsed.bodyStart() + cleanupLength).as("the block's bytes end before EOC")
                .isEqualTo(original.length - 2);
        int[] cleanup = new int[WIDTH * HEIGHT];
        new HtBlockDecoder().decode(parsed.block(), cleanup, 0, WIDTH);
        byte[] cleanupBytes = java.util.Arrays.copyOf(parsed.block().data(), cleanupLength);

        for (int passes = 2; passes <= 3; passes++) {
            HtRefinementPassesTest.Refinement refinement = HtRefinementPassesTest.refine(cleanup, WIDTH, HEIGHT,
                    passes, false, random);
            byte[] sigProp = refinement.sigProp();
            byte[] segment = refinement.segment();
            byte[] magRef = java.util.Arrays.copyOfRange(segment, sigProp.length, segment.length);
            int[] expected = new int[pixels.length];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = Math.max(0, Math.min(255, refinement.expected()[i] / 2 + 128));
            }
            List<List<Contribution>> layouts = new ArrayList<>();
            layouts.add(List.of(new Contribution(1 + (passes - 1), cleanupBytes, segment)));
            layouts.add(List.of(new Contribution(1, cleanupBytes), new Contribution(passes - 1, segment)));
            if (passes == 3) {
                layouts.add(List.of(new Contribution(1, cleanupBytes), new Contribution(1, sigProp),
                        new Contribution(1, magRef)));
            }
            for (List<Contribution> layers : layouts) {
                byte[] codestream = rebuild(original, parsed, layers);
                RawImage image = new Jpeg2000ImageDecoder(false).decode(codestream, 0, codestream.length);
                assertThat(HtBlockDecoderRoundTripTest.firstDifference(HtJ2kRoundTripTest.samples(image), expected))
                        .as("%d passes in %d layers", passes, layers.size()).isEqualTo("none");
            }
        }
    }

    /** What one layer's packet brings of the block: its new passes and the bytes of each segment they touch. */
    private record Contribution(int passes, byte[]... segments) {
    }

    private static byte[] rebuild(byte[] original, SingleBlockCodestream.Parsed parsed, List<Contribution> layers) {
        byte[] head = java.util.Arrays.copyOf(original, parsed.headerStart());
        setLayers(head, layers.size());
        deepenSubband(head);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head);
        int lblock = 3;
        int passesSoFar = 0;
        for (int layer = 0; layer < layers.size(); layer++) {
            Contribution c = layers.get(layer);
            PacketHeaderWriter header = new PacketHeaderWriter();
            header.bit(1);
            header.bit(1);
            if (layer == 0) {
                for (int i = 0; i < parsed.block().zeroBitPlanes(); i++) {
                    header.bit(0);
                }
                header.bit(1);
            }
            passCount(header, c.passes());
            int[] bits = new int[c.segments().length];
            int[] segmentPasses = segmentPasses(passesSoFar, c.passes(), c.segments().length);
            int needed = lblock;
            for (int s = 0; s < bits.length; s++) {
                int extra = 31 - Integer.numberOfLeadingZeros(segmentPasses[s]);
                int length = Math.max(1, 32 - Integer.numberOfLeadingZeros(c.segments()[s].length));
                needed = Math.max(needed, length - extra);
            }
            for (int i = lblock; i < needed; i++) {
                header.bit(1);
            }
            header.bit(0);
            lblock = needed;
            for (int s = 0; s < bits.length; s++) {
                header.bits(c.segments()[s].length, lblock + 31 - Integer.numberOfLeadingZeros(segmentPasses[s]));
            }
            out.writeBytes(header.finish());
            for (byte[] segmentBytes : c.segments()) {
                out.writeBytes(segmentBytes);
            }
            passesSoFar += c.passes();
        }
        out.write(0xFF);
        out.write(0xD9);
        byte[] result = out.toByteArray();
        int psotAt = parsed.tilePartStart() + 6;
        if ((result[psotAt] | result[psotAt + 1] | result[psotAt + 2] | result[psotAt + 3]) != 0) {
            int psot = result.length - 2 - parsed.tilePartStart();
            for (int k = 0; k < 4; k++) {
                result[psotAt + k] = (byte) (psot >> (24 - 8 * k));
            }
        }
        return result;
    }

    /** How the new passes split over segments: the cleanup alone, the refinement passes together. */
    private static int[] segmentPasses(int before, int passes, int segments) {
        if (segments == 1) {
            return new int[] {passes};
        }
        return before == 0 ? new int[] {1, passes - 1} : new int[] {passes};
    }

    private static void passCount(PacketHeaderWriter header, int passes) {
        if (passes == 1) {
            header.bit(0);
        } else if (passes == 2) {
            header.bits(2, 2);
        } else {
            header.bits(3, 2);
            header.bits(passes - 3, 2);
        }
    }

    private static int marker(byte[] head, int code) {
        int at = 2;
        while (at + 4 <= head.length) {
            int marker = (head[at] & 0xFF) << 8 | (head[at + 1] & 0xFF);
            if (marker == code) {
                return at;
            }
            at += 2 + ((head[at + 2] & 0xFF) << 8 | (head[at + 3] & 0xFF));
        }
        throw new IllegalStateException("no marker " + Integer.toHexString(code));
    }

    private static void setLayers(byte[] head, int layers) {
        int cod = marker(head, 0xFF52);
        head[cod + 6] = (byte) (layers >> 8);
        head[cod + 7] = (byte) layers;
    }

    /** One more magnitude bit-plane for the one subband: its exponent in QCD plus one. */
    private static void deepenSubband(byte[] head) {
        int qcd = marker(head, 0xFF5C);
        assertThat(head[qcd + 4] & 0x1F).as("reversible quantisation").isZero();
        head[qcd + 5] = (byte) (head[qcd + 5] + 8);
    }

}
