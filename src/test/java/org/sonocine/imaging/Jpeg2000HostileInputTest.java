package org.sonocine.imaging;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sonocine.imaging.codec.DecodeException;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile JPEG 2000 codestreams, written here marker by marker, through the frame decoder as a file's frame would
 * reach it: each is refused with a message a user can read, quickly and without allocating what it merely
 * declares, or, where it is a legitimate if odd codestream, decoded.
 */
class Jpeg2000HostileInputTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final int EMPTY_PACKET = 0;

    /** Big-endian bytes of a codestream. */
    private static final class Bytes {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes u8(int... values) {
            for (int v : values) {
                out.write(v);
            }
            return this;
        }

        Bytes u16(int v) {
            return u8(v >> 8 & 0xFF, v & 0xFF);
        }

        Bytes u32(long v) {
            return u16((int) (v >> 16) & 0xFFFF).u16((int) v & 0xFFFF);
        }

        Bytes bytes(byte[] b) {
            out.write(b, 0, b.length);
            return this;
        }

        /** A marker segment: marker, length, then {@code params}. */
        Bytes segment(int marker, byte[] params) {
            return u16(marker).u16(params.length + 2).bytes(params);
        }

        byte[] get() {
            return out.toByteArray();
        }
    }

    private static Bytes params() {
        return new Bytes();
    }

    /** SOC and a SIZ of {@code components} unsigned 8-bit components, tiles of {@code tile} x {@code tile}. */
    private static Bytes start(int width, int height, int tile, int components) {
        Bytes siz = params().u16(0).u32(width).u32(height).u32(0).u32(0).u32(tile).u32(tile).u32(0).u32(0)
                .u16(components);
        for (int c = 0; c < components; c++) {
            siz.u8(7, 1, 1);
        }
        return new Bytes().u16(0xFF4F).segment(0xFF51, siz.get());
    }

    /**
     * COD: {@code order}, {@code layers}, {@code levels}, 64 x 64 code-blocks of {@code style}, 5/3, maximal
     * precincts.
     */
    private static byte[] cod(int order, int layers, int levels, int style) {
        return params().u8(0, order).u16(layers).u8(0, levels, 4, 4, style, 1).get();
    }

    /** QCD without quantisation: {@code guard} bits and exponent {@code exponent} for every subband. */
    private static byte[] qcdNone(int guard, int exponent, int levels) {
        Bytes q = params().u8(guard << 5);
        for (int i = 0; i < 3 * levels + 1; i++) {
            q.u8(exponent << 3);
        }
        return q.get();
    }

    /** A tile-part of {@code body}, its length declared. */
    private static Bytes tilePart(Bytes to, int tile, int part, int parts, byte[] body) {
        return to.u16(0xFF90).u16(10).u16(tile).u32(14 + body.length).u8(part, parts).u16(0xFF93).bytes(body);
    }

    /** A one-component 8-bit codestream of one tile whose coding is {@code cod} and {@code qcd}, then EOC. */
    private static byte[] oneTile(int size, byte[] cod, byte[] qcd, byte[] body) {
        Bytes b = start(size, size, size, 1).segment(0xFF52, cod).segment(0xFF5C, qcd);
        return tilePart(b, 0, 0, 1, body).u16(0xFFD9).get();
    }

    /** The message the decoder refuses a square one-component frame with. */
    private static String refusal(byte[] codestream, int size) {
        return refusal(codestream, size, size, 1);
    }

    private static String refusal(byte[] codestream, int rows, int columns, int samples) {
        EncodedFrame frame = TestImages.eightBitFrame(codestream, rows, columns, samples);
        Jpeg2000FrameDecoder decoder = new Jpeg2000FrameDecoder(false);
        String message = assertTimeoutPreemptively(LIMIT,
                () -> assertThrows(DecodeException.class, () -> decoder.decode(frame))).getMessage();
        assertThat(message).doesNotContain("Exception", "java.", "\tat ");
        return message;
    }

    private static StoredFrame decoded(byte[] codestream, int size) {
        EncodedFrame frame = TestImages.eightBitFrame(codestream, size, size, 1);
        Jpeg2000FrameDecoder decoder = new Jpeg2000FrameDecoder(false);
        return assertTimeoutPreemptively(LIMIT, () -> decoder.decode(frame));
    }

    private static byte[] emptyPackets(int n) {
        return new byte[n];
    }

    /** An 8 x 8 one-component codestream of one empty packet whose main header holds {@code segments}. */
    private static byte[] eightByEight(Bytes main) {
        return tilePart(main, 0, 0, 1, emptyPackets(1)).u16(0xFFD9).get();
    }

    private static Bytes eightByEightStart() {
        return start(8, 8, 8, 1);
    }

    private static Bytes withSiz(int width, int precisionByte, int xr, int yr) {
        Bytes siz = params().u16(0).u32(width).u32(8).u32(0).u32(0).u32(8).u32(8).u32(0).u32(0).u16(1)
                .u8(precisionByte, xr, yr);
        return new Bytes().u16(0xFF4F).segment(0xFF51, siz.get());
    }

    private static Arguments refused(String what, byte[] codestream, String message) {
        return Arguments.of(Named.of(what, codestream), message);
    }

    static Stream<Arguments> refusedHeaders() {
        byte[] cod = cod(PacketOrderCodes.LRCP, 1, 0, 0);
        byte[] qcd = qcdNone(2, 9, 0);
        return Stream.of(
                refused("39-bit samples", eightByEight(withSiz(8, 38, 1, 1).segment(0xFF52, cod)
                        .segment(0xFF5C, qcd)), "JPEG 2000 component 1 declares 39 bits, more than the standard's 38"),
                refused("subsampling 0", eightByEight(withSiz(8, 7, 0, 1).segment(0xFF52, cod)
                        .segment(0xFF5C, qcd)), "JPEG 2000 component 1 declares a subsampling factor of 0 (0 x 1)"),
                refused("zero width", eightByEight(withSiz(0, 7, 1, 1).segment(0xFF52, cod).segment(0xFF5C, qcd)),
                        "the JPEG 2000 codestream declares an empty image (Xsiz 0, XOsiz 0, Ysiz 8, YOsiz 0)"),
                refused("33 levels", eightByEight(eightByEightStart().segment(0xFF52,
                        cod(PacketOrderCodes.LRCP, 1, 33, 0)).segment(0xFF5C, qcd)),
                        "the JPEG 2000 COD segment declares 33 decomposition levels, more than 32"),
                refused("code-blocks of 128 x 128", eightByEight(eightByEightStart().segment(0xFF52,
                        params().u8(0, 0).u16(1).u8(0, 0, 5, 5, 0, 1).get()).segment(0xFF5C, qcd)),
                        "the JPEG 2000 COD segment declares code-blocks of 2^7 x 2^7 samples, more than allowed"),
                refused("progression 5", eightByEight(eightByEightStart().segment(0xFF52,
                        cod(5, 1, 0, 0)).segment(0xFF5C, qcd)),
                        "the JPEG 2000 COD segment progression order 5 is not one of the five"),
                refused("too few step sizes", eightByEight(eightByEightStart().segment(0xFF52,
                        cod(PacketOrderCodes.LRCP, 1, 2, 0)).segment(0xFF5C, qcdNone(2, 9, 0))),
                        "the JPEG 2000 quantisation of component 1 gives 1 subband; its 2 decomposition levels"
                                + " have 7"),
                refused("too few expounded step sizes", eightByEight(eightByEightStart().segment(0xFF52,
                        params().u8(0, 0).u16(1).u8(0, 1, 4, 4, 0, 0).get())
                        .segment(0xFF5C, params().u8(2 << 5 | 2).u16(0x4800).u16(0x4800).get())),
                        "the JPEG 2000 quantisation of component 1 gives 2 subbands; its 1 decomposition level"
                                + " has 4"),
                refused("ROI shift 255", eightByEight(eightByEightStart().segment(0xFF52, cod).segment(0xFF5C, qcd)
                        .segment(0xFF5E, params().u8(0, 0, 255).get())),
                        "the JPEG 2000 RGN segment ROI shift 255 exceeds 37"),
                refused("no COD", eightByEight(eightByEightStart().segment(0xFF5C, qcd)),
                        "the JPEG 2000 main header lacks its COD segment"),
                refused("tile 5 of 1", tilePart(eightByEightStart().segment(0xFF52, cod).segment(0xFF5C, qcd),
                        5, 0, 1, emptyPackets(1)).u16(0xFFD9).get(), "a JPEG 2000 tile-part names tile 5; the codestream has 1 tile, numbered from 0"),
                refused("one of three tile-parts", tilePart(eightByEightStart().segment(0xFF52, cod)
                        .segment(0xFF5C, qcd), 0, 0, 3, emptyPackets(1)).u16(0xFFD9).get(),
                        "JPEG 2000 tile 0 has 1 of its 3 tile-parts"),
                refused("HT passes beyond the bit-planes", tilePart(eightByEightStart()
                        .segment(0xFF52, cod(PacketOrderCodes.LRCP, 1, 0, 0x40))
                        .segment(0xFF5C, qcdNone(1, 1, 0)), 0, 0, 1,
                        // 1 1 1, 1 1 01 four passes, 0 Lblock 3, 00000 a cleanup segment of no bytes
                        new byte[] {(byte) 0xFA, 0, 0}).u16(0xFFD9).get(),
                        "a JPEG 2000 HT code-block has more coding passes than bit-planes"),
                refused("164 passes", tilePart(eightByEightStart().segment(0xFF52, cod).segment(0xFF5C, qcd), 0, 0, 1,
                        // 1 1 1, 164 passes (1111 11111 1111111, the 0xFF's next byte carrying seven bits), 0 Lblock,
                        // 10 length bits of 0
                        new byte[] {(byte) 0xFF, 0x7F, (byte) 0xF0, 0}).u16(0xFFD9).get(),
                        "a JPEG 2000 code-block has 164 coding passes for 10 bit-planes"),
                refused("a block's bytes beyond the tile", tilePart(eightByEightStart().segment(0xFF52, cod)
                        .segment(0xFF5C, qcd), 0, 0, 1, new byte[] {(byte) 0xE3}).u16(0xFFD9).get(),
                        "a JPEG 2000 packet's code-block data run 3 bytes past the end of its tile"));
    }

    @ParameterizedTest
    @MethodSource("refusedHeaders")
    void refusedWithAMessage(byte[] codestream, String message) {
        assertThat(refusal(codestream, 8)).isEqualTo("frame 1: " + message);
    }

    @Test
    void aCodestreamBoxDeclaringExabytesIsReadToTheEndOfTheFrame() {
        byte[] codestream = oneTile(8, cod(PacketOrderCodes.LRCP, 1, 0, 0), qcdNone(2, 9, 0), emptyPackets(1));
        byte[] jp2 = new Bytes().u32(12).u32(0x6A502020L).u32(0x0D0A870AL)
                .u32(1).u32(0x6A703263L).u32(0x7FFFFFFFL).u32(0xFFFFFFF0L).bytes(codestream).get();
        StoredFrame decoded = decoded(jp2, 8);
        assertThat(decoded.sample(63, 0)).isEqualTo(128);
    }

    @Test
    void pocEntriesThatRepeatEveryPacketAreRefusedQuickly() {
        // 128 x 128 precincts of one sample, one empty packet each; then thousands of POC entries in the position
        // orders, each walking every precinct again: quadratic work for a few hundred kilobytes.
        int size = 128;
        byte[] cod = params().u8(1, PacketOrderCodes.CPRL).u16(1).u8(0, 0, 4, 4, 0, 1, 0x00).get();
        Bytes b = start(size, size, size, 1).segment(0xFF52, cod).segment(0xFF5C, qcdNone(2, 9, 0));
        for (int s = 0; s < 4; s++) {
            Bytes poc = params();
            for (int i = 0; i < 9000; i++) {
                poc.u8(0, 0).u16(1).u8(1, 1, PacketOrderCodes.CPRL);
            }
            b.segment(0xFF5F, poc.get());
        }
        byte[] codestream = tilePart(b, 0, 0, 1, emptyPackets(size * size)).u16(0xFFD9).get();
        assertThat(refusal(codestream, size)).isEqualTo("frame 1: a JPEG 2000 tile's progression changes go over"
                + " its packets more often than its 16384 bytes of coded data could justify");
    }

    @Test
    void packetsThatOnlySayTheirManyBlocksAreNotYetIncludedAreRefusedInTime() {
        // 1024 x 1024 in one precinct of 65536 code-blocks of 4 x 4: each packet's header (one byte: not empty,
        // and the inclusion tree's root not yet reached) goes over every block; a megabyte of padding behind.
        int size = 1024;
        int layers = 65535;
        byte[] cod = params().u8(0, PacketOrderCodes.LRCP).u16(layers).u8(0, 0, 0, 0, 0, 1).get();
        byte[] body = new byte[layers + (1 << 20)];
        java.util.Arrays.fill(body, 0, layers, (byte) 0x80);
        byte[] codestream = oneTile(size, cod, qcdNone(2, 9, 0), body);
        assertThat(refusal(codestream, size)).isEqualTo("frame 1: a JPEG 2000 tile's packet headers visit more"
                + " code-blocks than its " + body.length + " bytes could describe");
    }

    @Test
    void thirtyTwoDecompositionLevelsOfATinyImageDecode() {
        int levels = 32;
        byte[] codestream = oneTile(8, cod(PacketOrderCodes.LRCP, 1, levels, 0), qcdNone(2, 9, levels),
                emptyPackets(levels + 1));
        StoredFrame frame = decoded(codestream, 8);
        for (int p = 0; p < 64; p++) {
            assertThat(frame.sample(p, 0)).isEqualTo(128);
        }
    }

    /** One packet that includes the single code-block with one coding pass of one byte, and that byte. */
    private static byte[] oneBlockOnePass() {
        // 1 non-empty, 1 included (tag tree), 1 no zero bit-planes, 0 one pass, 0 Lblock 3, 001 one byte
        return new byte[] {(byte) 0xE1, 0x00};
    }

    @Test
    void moreMagnitudeBitPlanesThanSupportedAreRefused() {
        byte[] codestream = oneTile(8, cod(PacketOrderCodes.LRCP, 1, 0, 0), qcdNone(7, 31, 0), oneBlockOnePass());
        assertThat(refusal(codestream, 8)).isEqualTo("frame 1: the JPEG 2000 quantisation and ROI shift give subband 0"
                + " of component 1 37 magnitude bit-planes; this decoder holds up to 30");
    }

    @Test
    void anRoiShiftBeyondTheSupportedBitPlanesIsRefused() {
        Bytes b = start(8, 8, 8, 1).segment(0xFF52, cod(PacketOrderCodes.LRCP, 1, 0, 0))
                .segment(0xFF5C, qcdNone(1, 8, 0)).segment(0xFF5E, params().u8(0, 0, 29).get());
        byte[] codestream = tilePart(b, 0, 0, 1, oneBlockOnePass()).u16(0xFFD9).get();
        assertThat(refusal(codestream, 8)).isEqualTo("frame 1: the JPEG 2000 quantisation and ROI shift give subband 0"
                + " of component 1 37 magnitude bit-planes; this decoder holds up to 30");
    }

    @Test
    void lengthsOfMoreThan32BitsAreRefused() {
        // 1 1 1 0, then Lblock increments without end
        byte[] body = {(byte) 0xEF, (byte) 0xFF, 0x7F, (byte) 0xFF, 0x7F, (byte) 0xFF, 0x7F, 0, 0, 0};
        byte[] codestream = oneTile(8, cod(PacketOrderCodes.LRCP, 1, 0, 0), qcdNone(2, 9, 0), body);
        assertThat(refusal(codestream, 8)).isEqualTo("frame 1: a JPEG 2000 packet header codes lengths of more"
                + " than 32 bits");
    }

    @Test
    void manyLayersOverFewBytesAreRefusedBeforeTheirPacketsAreRead() {
        byte[] codestream = oneTile(64, cod(PacketOrderCodes.LRCP, 65535, 5, 0), qcdNone(2, 9, 5),
                emptyPackets(100));
        assertThat(refusal(codestream, 64)).isEqualTo("frame 1: a JPEG 2000 tile declares 393210 packets in 100"
                + " bytes of coded data");
    }

    @Test
    void oneSampleTilesOverAWholeFrameDecodeInTime() {
        // 255 x 256 tiles of one sample each (as many as a codestream may have), each in its own tile-part.
        int width = 255;
        int height = 256;
        Bytes siz = params().u16(0).u32(width).u32(height).u32(0).u32(0).u32(1).u32(1).u32(0).u32(0).u16(1)
                .u8(7, 1, 1);
        Bytes b = new Bytes().u16(0xFF4F).segment(0xFF51, siz.get())
                .segment(0xFF52, cod(PacketOrderCodes.LRCP, 1, 0, 0)).segment(0xFF5C, qcdNone(2, 9, 0));
        for (int t = 0; t < width * height; t++) {
            tilePart(b, t, 0, 1, emptyPackets(1));
        }
        EncodedFrame frame = TestImages.eightBitFrame(b.u16(0xFFD9).get(), height, width, 1);
        StoredFrame decoded = assertTimeoutPreemptively(LIMIT, () -> new Jpeg2000FrameDecoder(false).decode(frame));
        assertThat(decoded.sample(width * height - 1, 0)).isEqualTo(128);
    }

    @Test
    void oneSampleColourTilesOfThirtyTwoLevelsDecodeInTime() {
        // As many tiles as allowed, three components, 32 decomposition levels each: per-tile set-up dominates.
        int width = 255;
        int height = 256;
        int levels = 32;
        Bytes siz = params().u16(0).u32(width).u32(height).u32(0).u32(0).u32(1).u32(1).u32(0).u32(0).u16(3)
                .u8(7, 1, 1, 7, 1, 1, 7, 1, 1);
        Bytes b = new Bytes().u16(0xFF4F).segment(0xFF51, siz.get())
                .segment(0xFF52, cod(PacketOrderCodes.LRCP, 1, levels, 0)).segment(0xFF5C, qcdNone(2, 9, levels));
        for (int t = 0; t < width * height; t++) {
            int x = t % width;
            int y = t / width;
            // Resolution r of a one-sample tile at (x, y) is not empty when 2^(levels - r) divides x and y.
            int resolutions = 1 + Math.min(levels, Math.min(Integer.numberOfTrailingZeros(x),
                    Integer.numberOfTrailingZeros(y)));
            tilePart(b, t, 0, 1, emptyPackets(3 * resolutions));
        }
        EncodedFrame frame = TestImages.eightBitFrame(b.u16(0xFFD9).get(), height, width, 3);
        StoredFrame decoded = assertTimeoutPreemptively(LIMIT, () -> new Jpeg2000FrameDecoder(false).decode(frame));
        assertThat(decoded.sample(width * height - 1, 2)).isEqualTo(128);
    }

    @Test
    void aMillionEmptyPacketsOfOneSamplePrecinctsCostNoPrecinctState() {
        // 1024 x 1024 in precincts of one sample, each with an empty packet: a megabyte of zeros, which must not
        // make tier-2 keep tag trees and code-block tables for a million precincts (over 500 MB).
        int size = 1024;
        byte[] cod = params().u8(1, PacketOrderCodes.LRCP).u16(1).u8(0, 0, 4, 4, 0, 1, 0x00).get();
        StoredFrame decoded = decoded(oneTile(size, cod, qcdNone(2, 9, 0), emptyPackets(size * size)), size);
        assertThat(decoded.sample(size * size - 1, 0)).isEqualTo(128);
    }

    @Test
    void aMillionOneSamplePrecinctsEachIncludingItsBlockAreRefusedWithinTheHeap() {
        // 1024 x 1024 in precincts of one sample, each with a packet that includes its one code-block with an
        // empty coding pass: a megabyte for which tier-2 would keep state for a million precincts and blocks.
        int size = 1024;
        byte[] cod = params().u8(1, PacketOrderCodes.LRCP).u16(1).u8(0, 0, 4, 4, 0, 1, 0x00).get();
        byte[] body = new byte[size * size];
        // 1 not empty, 1 included, 1 no zero bit-planes, 0 one pass, 0 Lblock 3, 000 no bytes
        java.util.Arrays.fill(body, (byte) 0xE0);
        assertThat(refusal(oneTile(size, cod, qcdNone(2, 9, 0), body), size)).isEqualTo("frame 1: a JPEG 2000"
                + " tile's packets include more precincts and code-blocks than this decoder allows for its 1048576"
                + " samples");
    }

    @Test
    void fourByFourCodeBlocksEachInItsOwnPrecinctDecode() {
        // The smallest code-blocks real encoders write, each alone in a 4 x 4 precinct and included, over a
        // 1024 x 1024 frame: well within what tier-2 allows.
        int size = 1024;
        byte[] cod = params().u8(1, PacketOrderCodes.LRCP).u16(1).u8(0, 0, 0, 0, 0, 1, 0x22).get();
        byte[] body = new byte[size * size / 16];
        java.util.Arrays.fill(body, (byte) 0xE0);
        StoredFrame decoded = decoded(oneTile(size, cod, qcdNone(2, 9, 0), body), size);
        assertThat(decoded.sample(size * size - 1, 0)).isEqualTo(128);
    }

    @Test
    void aTilePartTwiceIsRefused() {
        Bytes b = start(8, 8, 8, 1).segment(0xFF52, cod(PacketOrderCodes.LRCP, 1, 0, 0))
                .segment(0xFF5C, qcdNone(2, 9, 0));
        tilePart(b, 0, 0, 2, emptyPackets(1));
        tilePart(b, 0, 0, 2, emptyPackets(1));
        assertThat(refusal(b.u16(0xFFD9).get(), 8)).isEqualTo("frame 1: JPEG 2000 tile 0 has its tile-part 0"
                + " where tile-part 1 belongs");
    }

    @Test
    void aTilePartLongerThanTheCodestreamIsRefused() {
        Bytes b = start(8, 8, 8, 1).segment(0xFF52, cod(PacketOrderCodes.LRCP, 1, 0, 0))
                .segment(0xFF5C, qcdNone(2, 9, 0));
        int sot = b.get().length;
        b.u16(0xFF90).u16(10).u16(0).u32(0x7FFFFFF0L).u8(0, 1).u16(0xFF93).u8(0).u16(0xFFD9);
        assertThat(refusal(b.get(), 8)).isEqualTo("frame 1: the JPEG 2000 tile-part at byte " + sot
                + " declares 2147483632 bytes; 17 remain in the codestream");
    }

    @Test
    void aCodestreamEndingAfterItsStartIsRefused() {
        assertThat(refusal(new byte[] {(byte) 0xFF, 0x4F}, 8)).isEqualTo("frame 1: not a JPEG 2000 codestream:"
                + " no SOC and SIZ markers at its start");
    }

    @Test
    void packedHeadersThatAnnounceMoreThanThereIsAreRefused() {
        Bytes b = start(8, 8, 8, 1).segment(0xFF52, cod(PacketOrderCodes.LRCP, 1, 0, 0))
                .segment(0xFF5C, qcdNone(2, 9, 0)).segment(0xFF60, params().u8(0).u32(1000).u8(0).get());
        assertThat(refusal(tilePart(b, 0, 0, 1, new byte[0]).u16(0xFFD9).get(), 8)).isEqualTo("frame 1: the"
                + " JPEG 2000 PPM segments end inside a tile-part's packet headers");
    }

    @Test
    void sixteenThousandComponentsAreRefusedByTheHeader() {
        byte[] codestream = start(8, 8, 8, 16384).get();
        assertThat(refusal(codestream, 8, 8, 3)).isEqualTo("frame 1: the JPEG 2000 codestream is 8 x 8 with 16384"
                + " components; the header says 8 x 8 with 3");
    }

    @Test
    void anHtCleanupSegmentWhoseSuffixIsLongerThanItIsRefused() {
        // 1 1 1 0 0, Lblock 3 + log2(1) bits: 010 = two bytes, which end in an Scup of 0xFFF
        byte[] body = {(byte) 0xE2, (byte) 0xFF, (byte) 0x0F};
        byte[] codestream = oneTile(8, cod(PacketOrderCodes.LRCP, 1, 0, 0x40), qcdNone(2, 9, 0), body);
        assertThat(refusal(codestream, 8)).isEqualTo("frame 1: JPEG 2000 component 1, tile 0, the LL subband,"
                + " code-block at 0, 0: HT cleanup segment gives a MEL/VLC length of 255"
                + " bytes, outside 2 to 2");
    }

    @Test
    void aDamagedBlockAmongThoseDecodedInParallelFailsTheFrameWithItsMessage() {
        // 8 x 8 over three levels: ten HT code-blocks, one per band, each of two bytes ending in an impossible
        // MEL/VLC length; enough blocks for the decoder to hand them to several threads.
        byte[] block = {(byte) 0xFF, 0x0F};
        Bytes body = new Bytes();
        // LL: 1 not empty, then the band's block: 1 included, 1 no zero bit-planes, 0 one pass, 0 Lblock, 010
        body.u8(0xE2).bytes(block);
        for (int r = 1; r <= 3; r++) {
            // 1 not empty, then 1100010 for each of HL, LH and HH
            body.u8(0xE2, 0xC5, 0x88).bytes(block).bytes(block).bytes(block);
        }
        byte[] codestream = oneTile(8, cod(PacketOrderCodes.LRCP, 1, 3, 0x40), qcdNone(2, 9, 3), body.get());
        EncodedFrame frame = TestImages.eightBitFrame(codestream, 8, 8, 1);
        Jpeg2000FrameDecoder parallel = new Jpeg2000FrameDecoder(true);
        for (int i = 0; i < 20; i++) {
            DecodeException e = assertTimeoutPreemptively(LIMIT,
                    () -> assertThrows(DecodeException.class, () -> parallel.decode(frame)));
            // Whichever damaged block a thread reaches first names itself.
            assertThat(e.getMessage()).matches("frame 1: JPEG 2000 component 1, tile 0, the (LL subband|(HL|LH|HH)"
                    + " subband of resolution [123]), code-block at 0, 0: HT cleanup segment gives a MEL/VLC length"
                    + " of 255 bytes, outside 2 to 2");
        }
    }

    @Test
    void aJp2FileWithoutACodestreamBoxIsRefused() {
        byte[] jp2 = new Bytes().u32(12).u32(0x6A502020L).u32(0x0D0A870AL).u32(0).u32(0x6A703268L).get();
        assertThat(refusal(jp2, 8)).isEqualTo("frame 1: neither a JPEG 2000 codestream nor a JP2 file with one");
    }

    /** Progression order numbers of COD and POC. */
    private static final class PacketOrderCodes {
        static final int LRCP = 0;
        static final int CPRL = 4;
    }
}
