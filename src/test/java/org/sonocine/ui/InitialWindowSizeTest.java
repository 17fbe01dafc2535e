package org.sonocine.ui;

import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The size the viewer asks for at start, which it must give explicitly (some window managers give 200 × 200). */
class InitialWindowSizeTest {
    @Test
    void onALargeScreenTheWindowIs1400By860() {
        assertEquals(new Dimension2D(1400, 860), ViewerApp.initialSize(new Rectangle2D(0, 0, 2560, 1400)));
    }

    @Test
    void onASmallerScreenItTakesNineTenthsOfIt() {
        assertEquals(new Dimension2D(1188, 666), ViewerApp.initialSize(new Rectangle2D(0, 0, 1320, 740)));
    }

    @Test
    void itKeepsTheSizeTheLayoutIsMadeForUnlessTheScreenIsSmallerStill() {
        assertEquals(new Dimension2D(1024, 640), ViewerApp.initialSize(new Rectangle2D(0, 0, 1100, 680)));
        assertEquals(new Dimension2D(1000, 600), ViewerApp.initialSize(new Rectangle2D(0, 0, 1000, 600)));
    }
}
