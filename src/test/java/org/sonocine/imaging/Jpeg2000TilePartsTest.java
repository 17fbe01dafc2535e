package org.sonocine.imaging;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

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
    void aCodestreamJaiReadsAsItIsIsLeftAlone() {
        byte[] in = codestream(tilePart(0, 0, 2, (byte) 1), tilePart(0, 1, 2, (byte) 2), tilePart(1, 0, 1, (byte) 3));
        assertSame(in, Jpeg2000TileParts.normalise(in));
    }

    @Test
    void anOpenNumberOfTilePartsIsFilledIn() {
        byte[] in = codestream(tilePart(0, 0, 0, (byte) 1), tilePart(0, 1, 0, (byte) 2), tilePart(0, 2, 3, (byte) 3));
        byte[] expected = codestream(tilePart(0, 0, 3, (byte) 1), tilePart(0, 1, 3, (byte) 2),
                tilePart(0, 2, 3, (byte) 3));
        assertArrayEquals(expected, Jpeg2000TileParts.normalise(in));
    }

    @Test
    void interleavedTilesArePutTogetherInTheirOrder() {
        byte[] in = codestream(tilePart(0, 0, 2, (byte) 1), tilePart(1, 0, 2, (byte) 2), tilePart(0, 1, 2, (byte) 3),
                tilePart(1, 1, 2, (byte) 4));
        byte[] expected = codestream(tilePart(0, 0, 2, (byte) 1), tilePart(0, 1, 2, (byte) 3),
                tilePart(1, 0, 2, (byte) 2), tilePart(1, 1, 2, (byte) 4));
        assertArrayEquals(expected, Jpeg2000TileParts.normalise(in));
    }

    @Test
    void bytesBetweenTheLastTilePartAndTheEndAreLeftOut() {
        byte[] clean = codestream(tilePart(0, 0, 1, (byte) 1));
        byte[] stray = new byte[clean.length + 3];
        System.arraycopy(clean, 0, stray, 0, clean.length - 2);
        stray[clean.length - 2] = (byte) 0xFF;
        stray[clean.length - 1] = 0x64;
        stray[clean.length] = 7;
        stray[stray.length - 2] = (byte) 0xFF;
        stray[stray.length - 1] = (byte) 0xD9;
        assertArrayEquals(clean, Jpeg2000TileParts.normalise(stray));
    }

    @Test
    void lengthsThatDoNotLeadToTheNextTilePartLeaveTheCodestreamToTheDecoder() {
        byte[] in = codestream(tilePart(0, 0, 0, (byte) 1), tilePart(0, 1, 2, (byte) 2));
        in[SOC_SIZ.length + 9] = 100;
        assertSame(in, Jpeg2000TileParts.normalise(in));
    }
}
