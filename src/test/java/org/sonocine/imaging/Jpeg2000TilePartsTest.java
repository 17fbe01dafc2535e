package org.sonocine.imaging;

import org.sonocine.imaging.codec.DecodeException;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Tile-part rewriting on hand-made codestreams: the marker structure only, the coded bits are opaque. */
class Jpeg2000TilePartsTest {
    private static final byte[] SOC_SIZ = {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51, 0, 4, 1, 2};

    /** SOT (tile, index, count) + SOD + {@code data}. */
    private static byte[] tilePart(int tile, int index, int count, byte... data) {
        int length = 12 + 2 + data.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0x90, 0, 10, 0, (byte) tile, (byte) (length >>> 24),
            (byte) (length >>> 16), (byte) (length >>> 8), (byte) length, (byte) index, (byte) count,
            (byte) 0xFF, (byte) 0x93});
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static byte[] codestream(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SOC_SIZ);
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
        return out.toByteArray();
    }

    @Test
    void aCodestreamJaiReadsAsItIsIsLeftAlone() throws DecodeException {
        byte[] in = codestream(tilePart(0, 0, 2, (byte) 1), tilePart(0, 1, 2, (byte) 2), tilePart(1, 0, 1, (byte) 3));
        assertSame(in, Jpeg2000TileParts.normalise(in));
    }

    @Test
    void anOpenNumberOfTilePartsIsFilledIn() throws DecodeException {
        byte[] in = codestream(tilePart(0, 0, 0, (byte) 1), tilePart(0, 1, 0, (byte) 2), tilePart(0, 2, 3, (byte) 3));
        byte[] expected = codestream(tilePart(0, 0, 3, (byte) 1), tilePart(0, 1, 3, (byte) 2),
                tilePart(0, 2, 3, (byte) 3));
        assertArrayEquals(expected, Jpeg2000TileParts.normalise(in));
    }

    @Test
    void interleavedTilesArePutTogetherInTheirOrder() throws DecodeException {
        byte[] in = codestream(tilePart(0, 0, 2, (byte) 1), tilePart(1, 0, 2, (byte) 2), tilePart(0, 1, 2, (byte) 3),
                tilePart(1, 1, 2, (byte) 4));
        byte[] expected = codestream(tilePart(0, 0, 2, (byte) 1), tilePart(0, 1, 2, (byte) 3),
                tilePart(1, 0, 2, (byte) 2), tilePart(1, 1, 2, (byte) 4));
        assertArrayEquals(expected, Jpeg2000TileParts.normalise(in));
    }

    @Test
    void markerSegmentsBetweenTheLastTilePartAndTheEndAreLeftOut() throws DecodeException {
        byte[] clean = codestream(tilePart(0, 0, 1, (byte) 1));
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        stray.write(clean, 0, clean.length - 2);
        stray.writeBytes(new byte[] {(byte) 0xFF, 0x64, 0, 3, 7, (byte) 0xFF, (byte) 0xD9});
        assertArrayEquals(clean, Jpeg2000TileParts.normalise(stray.toByteArray()));
    }

    @Test
    void codedDataAfterTheLastTilePartIsRefused() {
        byte[] clean = codestream(tilePart(0, 0, 1, (byte) 1));
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        stray.write(clean, 0, clean.length - 2);
        stray.writeBytes(new byte[] {0x12, 0x34, (byte) 0xFF, (byte) 0xD9});
        DecodeException e = assertThrows(DecodeException.class,
                () -> Jpeg2000TileParts.normalise(stray.toByteArray()));
        assertEquals("the JPEG 2000 tile-part at byte 8 does not lead to the next tile-part or the end of the"
                + " codestream", e.getMessage());
    }

    @Test
    void lengthsThatDoNotLeadToTheNextTilePartAreRefused() {
        byte[] in = codestream(tilePart(0, 0, 0, (byte) 1), tilePart(0, 1, 2, (byte) 2));
        in[SOC_SIZ.length + 9] = 16;
        DecodeException e = assertThrows(DecodeException.class, () -> Jpeg2000TileParts.normalise(in));
        assertEquals("the JPEG 2000 tile-part at byte 8 does not lead to the next tile-part or the end of the"
                + " codestream", e.getMessage());
    }

    @Test
    void aLengthTooShortForATilePartIsRefused() {
        byte[] in = codestream(tilePart(0, 0, 0, (byte) 1), tilePart(0, 1, 2, (byte) 2));
        in[SOC_SIZ.length + 9] = 13;
        DecodeException e = assertThrows(DecodeException.class, () -> Jpeg2000TileParts.normalise(in));
        assertEquals("the JPEG 2000 tile-part at byte 8 declares 13 bytes, which do not fit the codestream",
                e.getMessage());
    }

    @Test
    void tilePartsOutOfOrderAreRefusedRatherThanReordered() {
        byte[] in = codestream(tilePart(0, 0, 3, (byte) 1), tilePart(0, 2, 3, (byte) 2), tilePart(0, 1, 3, (byte) 3));
        DecodeException e = assertThrows(DecodeException.class, () -> Jpeg2000TileParts.normalise(in));
        assertEquals("JPEG 2000 tile 0 has its tile-part 2 where tile-part 1 belongs", e.getMessage());
    }

    @Test
    void aTilePartRunningToTheEndThatHoldsOthersIsRefused() {
        byte[] in = codestream(tilePart(0, 0, 0, (byte) 1), tilePart(0, 1, 2, (byte) 2));
        for (int i = 0; i < 4; i++) {
            in[SOC_SIZ.length + 6 + i] = 0;
        }
        DecodeException e = assertThrows(DecodeException.class, () -> Jpeg2000TileParts.normalise(in));
        assertEquals("a JPEG 2000 tile-part that runs to the end of the codestream holds other tile-parts",
                e.getMessage());
    }
}
