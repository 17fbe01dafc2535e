package org.sonocine.imaging.jpeg2000;

import org.junit.jupiter.api.Test;
import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.imaging.codec.RawImage;

import java.io.ByteArrayOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Codestreams written here marker by marker, whose packets are all empty (each a single 0 byte): what the main and
 * tile-part headers say, and what is refused, with which words.
 */
class CodestreamParserTest {

    /** A codestream of one component, {@code tiles} tiles of 8 x 8 across, one tile-part each, empty packets. */
    private static final class Writer {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer marker(int marker) {
            out.write(marker >> 8);
            out.write(marker);
            return this;
        }

        Writer segment(int marker, int... bytes) {
            marker(marker);
            int length = bytes.length + 2;
            out.write(length >> 8);
            out.write(length);
            for (int b : bytes) {
                out.write(b);
            }
            return this;
        }

        /** COD: LRCP, one layer, {@code levels} levels, 4 x 4 code-blocks, 5/3. */
        Writer cod(int levels) {
            return segment(0xFF52, 0, 0, 0, 1, 0, levels, 0, 0, 0, 1);
        }

        Writer qcdNone(int levels) {
            int[] b = new int[2 + 3 * levels];
            b[0] = 2 << 5;
            for (int i = 1; i < b.length; i++) {
                b[i] = 9 << 3;
            }
            return segment(0xFF5C, b);
        }

        Writer tilePart(int tile, int part, int parts, int packets) {
            int length = 12 + 2 + packets;
            segment(0xFF90, (tile >> 8) & 0xFF, tile & 0xFF, 0, 0, length >> 8, length & 0xFF, part, parts);
            marker(0xFF93);
            for (int i = 0; i < packets; i++) {
                out.write(0);
            }
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    /** SOC, SIZ (one component, tiles as high as the image), COD and QCD. */
    private static Writer header(int width, int height, int tileWidth, int precision, boolean signed, int levels) {
        Writer w = new Writer().marker(0xFF4F);
        int[] siz = new int[36 + 3];
        int at = 0;
        at = put16(siz, at, 0);
        for (int v : new int[] {width, height, 0, 0, tileWidth, height, 0, 0}) {
            at = put32(siz, at, v);
        }
        at = put16(siz, at, 1);
        siz[at++] = (precision - 1) | (signed ? 0x80 : 0);
        siz[at++] = 1;
        siz[at] = 1;
        w.segment(0xFF51, siz);
        return w.cod(levels).qcdNone(levels);
    }

    private static int put16(int[] b, int at, int v) {
        b[at] = (v >> 8) & 0xFF;
        b[at + 1] = v & 0xFF;
        return at + 2;
    }

    private static int put32(int[] b, int at, int v) {
        put16(b, at, v >>> 16);
        return put16(b, at + 2, v & 0xFFFF);
    }

    private static RawImage decode(byte[] codestream) throws DecodeException {
        return new Jpeg2000ImageDecoder(false).decode(codestream, 0, codestream.length);
    }

    private static String failure(byte[] codestream) {
        return assertThrows(DecodeException.class, () -> decode(codestream)).getMessage();
    }

    @Test
    void emptyPacketsDecodeToTheMiddleOfTheRange() throws Exception {
        byte[] c = header(16, 8, 8, 8, false, 2).tilePart(0, 0, 1, 3).tilePart(1, 0, 1, 3).marker(0xFFD9).bytes();
        RawImage image = decode(c);
        byte[] expected = new byte[16 * 8];
        java.util.Arrays.fill(expected, (byte) 128);
        assertArrayEquals(expected, image.bytes());
    }

    @Test
    void signedSamplesHaveNoLevelShift() throws Exception {
        byte[] c = header(8, 8, 8, 12, true, 1).tilePart(0, 0, 1, 2).marker(0xFFD9).bytes();
        RawImage image = decode(c);
        assertEquals(12, image.precision());
        assertArrayEquals(new short[64], image.shorts());
    }

    @Test
    void tilesMayComeInAnyOrderAndStrayMarkersMayFollowThem() throws Exception {
        byte[] c = header(16, 8, 8, 8, false, 0).tilePart(1, 0, 1, 1).tilePart(0, 0, 1, 1)
                .segment(0xFF64, 0, 1, 'x').marker(0xFFD9).bytes();
        assertEquals(16 * 8, decode(c).bytes().length);
    }

    @Test
    void aTileWithoutDataIsNamed() {
        byte[] c = header(16, 8, 8, 8, false, 0).tilePart(1, 0, 1, 1).marker(0xFFD9).bytes();
        assertEquals("the JPEG 2000 codestream has no data for tile 0 of its 2", failure(c));
    }

    @Test
    void aTilePartOutOfOrderIsNamed() {
        byte[] c = header(8, 8, 8, 8, false, 0).tilePart(0, 1, 2, 1).tilePart(0, 0, 2, 1).marker(0xFFD9).bytes();
        assertEquals("JPEG 2000 tile 0 has its tile-part 1 where tile-part 0 belongs", failure(c));
    }

    @Test
    void aMissingTilePartIsNamed() {
        byte[] c = header(8, 8, 8, 8, false, 0).tilePart(0, 0, 2, 1).marker(0xFFD9).bytes();
        assertEquals("JPEG 2000 tile 0 has 1 of its 2 tile-parts", failure(c));
    }

    @Test
    void aTilePartLongerThanTheCodestreamIsRefused() {
        byte[] c = header(8, 8, 8, 8, false, 0).tilePart(0, 0, 1, 1).bytes();
        byte[] cut = java.util.Arrays.copyOf(c, c.length - 1);
        assertThat(failure(cut)).matches("the JPEG 2000 tile-part at byte \\d+ declares 15 bytes; 14 remain in the"
                + " codestream");
    }

    @Test
    void morePacketsThanBytesAreRefusedBeforeReadingThem() {
        // Five resolutions of one precinct each need five packets; the tile has two bytes.
        byte[] c = header(8, 8, 8, 8, false, 4).tilePart(0, 0, 1, 2).marker(0xFFD9).bytes();
        assertEquals("a JPEG 2000 tile declares 5 packets in 2 bytes of coded data", failure(c));
    }

    @Test
    void moreBitPlanesThanTheDecoderHoldsAreRefused() {
        byte[] c = header(8, 8, 8, 8, false, 0).segment(0xFF5C, 7 << 5, 31 << 3).tilePart(0, 0, 1, 1)
                .marker(0xFFD9).bytes();
        assertEquals("the JPEG 2000 quantisation and ROI shift give subband 0 of component 1 37 magnitude"
                + " bit-planes; this decoder holds up to 30", failure(c));
    }

    /** SOC, SIZ of three 8-bit components of an 8 x 8 image subsampled {@code dx} x 1 each, one tile. */
    private static Writer threeComponents(int... dx) {
        Writer w = new Writer().marker(0xFF4F);
        int[] siz = new int[36 + 9];
        int at = put16(siz, 0, 0);
        for (int v : new int[] {8, 8, 0, 0, 8, 8, 0, 0}) {
            at = put32(siz, at, v);
        }
        at = put16(siz, at, 3);
        for (int c = 0; c < 3; c++) {
            siz[at++] = 7;
            siz[at++] = dx[c];
            siz[at++] = 1;
        }
        return w.segment(0xFF51, siz);
    }

    @Test
    void aComponentTransformOverComponentsOfDifferentSizesIsRefused() {
        // COD as cod(0) but with the multiple component transform on
        byte[] c = threeComponents(1, 2, 2).segment(0xFF52, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1).qcdNone(0)
                .tilePart(0, 0, 1, 3).marker(0xFFD9).bytes();
        assertEquals("the JPEG 2000 codestream applies a component transform to components subsampled differently"
                + " (component 1 by 1 x 1, component 2 by 2 x 1), which the standard does not allow", failure(c));
    }

    @Test
    void componentsOfDifferentSizesWithoutATransformComeOutAtTheImageSize() throws Exception {
        RawImage image = decode(threeComponents(1, 2, 3).cod(0).qcdNone(0).tilePart(0, 0, 1, 3).marker(0xFFD9)
                .bytes());
        assertEquals(8, image.width());
        assertEquals(8, image.height());
        assertEquals(3, image.components());
        assertEquals(8 * 8 * 3, image.bytes().length);
    }

    @Test
    void tooManyDecompositionLevelsAreRefused() {
        byte[] c = header(8, 8, 8, 8, false, 33).tilePart(0, 0, 1, 1).bytes();
        assertEquals("the JPEG 2000 COD segment declares 33 decomposition levels, more than 32", failure(c));
    }

    @Test
    void anImageOfMoreSamplesThanTheDecoderHoldsIsRefusedBeforeAllocating() {
        byte[] c = header(65536, 32768, 65536, 8, false, 0).tilePart(0, 0, 1, 1).bytes();
        assertEquals("the JPEG 2000 codestream declares 2147483648 samples, more than 1073741824 this decoder"
                + " holds", failure(c));
    }

    @Test
    void anImageWhoseSampleCountOverflowsALongIsRefusedBeforeAllocating() {
        // 2^31 - 1 square in 4 components: 2^64 - 2^34 + 4 samples, which a long multiplication wraps to a
        // negative count that passes any upper limit
        int side = Integer.MAX_VALUE;
        byte[] c = header(side, side, side, side, 4).tilePart(0, 0, 1, 4).marker(0xFFD9).bytes();
        assertEquals("the JPEG 2000 codestream declares 18446744056529682436 samples, more than 1073741824 this"
                + " decoder holds", failure(c));
    }

    @Test
    void manyTilesOfManyComponentsInFewBytesAreRefusedBeforeAllocatingForEach() {
        // 64 tiles of one pixel in 16384 components: a megabyte of tile-components from some 50 kB, and as a
        // megabyte of tile-parts could declare 65535 tiles, the coding kept per tile and component would not fit
        Writer w = header(64, 1, 1, 1, 16384);
        for (int t = 0; t < 64; t++) {
            w.tilePart(t, 0, 1, 0);
        }
        byte[] c = w.marker(0xFFD9).bytes();
        assertEquals("the JPEG 2000 codestream declares 64 tiles of 16384 components, 1048576 tile-components,"
                + " more than its " + c.length + " bytes can code", failure(c));
    }

    /** SOC, SIZ of {@code components} 8-bit components, COD and QCD, no decomposition. */
    private static Writer header(int width, int height, int tileWidth, int tileHeight, int components) {
        int[] siz = new int[36 + 3 * components];
        int at = put16(siz, 0, 0);
        for (int v : new int[] {width, height, 0, 0, tileWidth, tileHeight, 0, 0}) {
            at = put32(siz, at, v);
        }
        at = put16(siz, at, components);
        for (int i = 0; i < components; i++) {
            siz[at++] = 7;
            siz[at++] = 1;
            siz[at++] = 1;
        }
        return new Writer().marker(0xFF4F).segment(0xFF51, siz).cod(0).qcdNone(0);
    }

    @Test
    void theCodestreamOfAJp2FileIsFound() throws Exception {
        byte[] c = header(8, 8, 8, 8, false, 0).tilePart(0, 0, 1, 1).marker(0xFFD9).bytes();
        ByteArrayOutputStream jp2 = new ByteArrayOutputStream();
        jp2.writeBytes(new byte[] {0, 0, 0, 12, 'j', 'P', ' ', ' ', 0x0D, 0x0A, (byte) 0x87, 0x0A});
        jp2.writeBytes(new byte[] {0, 0, 0, 20, 'f', 't', 'y', 'p', 'j', 'p', '2', ' ', 0, 0, 0, 0, 'j', 'p', '2',
            ' '});
        int length = c.length + 8;
        jp2.writeBytes(new byte[] {(byte) (length >> 24), (byte) (length >> 16), (byte) (length >> 8),
            (byte) length, 'j', 'p', '2', 'c'});
        jp2.writeBytes(c);
        assertEquals(64, decode(jp2.toByteArray()).bytes().length);
    }

    @Test
    void somethingElseIsNotTakenForACodestream() {
        assertEquals("neither a JPEG 2000 codestream nor a JP2 file with one", failure(new byte[] {1, 2, 3, 4, 5,
            6, 7, 8, 9}));
    }
}
