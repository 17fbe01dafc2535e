package org.sonocine.imaging;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ResamplerTest {

    private static DisplayFrame checkerboard(int size) {
        int[] argb = new int[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                argb[y * size + x] = (x + y) % 2 == 0 ? 0xFFFFFFFF : 0xFF000000;
            }
        }
        return new DisplayFrame(3, size, size, argb);
    }

    @Test
    void shrinkingAveragesTheCoveredPixelsSoSpeckleDoesNotAlias() {
        DisplayFrame small = Resampler.resize(checkerboard(8), 4, 4);
        assertEquals(4, small.width());
        assertEquals(3, small.index());
        for (int p : small.argb()) {
            assertEquals(0xFF808080, p, "each 2x2 block of black and white averages to mid grey");
        }
    }

    @Test
    void stretchingOneAxisGivesNonSquarePixelsTheirShape() {
        DisplayFrame source = new DisplayFrame(0, 2, 1, new int[] {0xFF000000, 0xFFFFFFFF});
        DisplayFrame tall = Resampler.resize(source, 2, 3);
        assertEquals(3, tall.height());
        assertEquals(0xFF000000, tall.pixel(0, 2));
        assertEquals(0xFFFFFFFF, tall.pixel(1, 1));
    }

    @Test
    void theSameSizeIsLeftAlone() {
        DisplayFrame frame = checkerboard(4);
        assertSame(frame, Resampler.resize(frame, 4, 4));
    }
}
