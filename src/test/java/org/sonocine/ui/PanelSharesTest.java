package org.sonocine.ui;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PanelSharesTest {
    private static PanelShares shares() {
        return new PanelShares(0.2, 0.25, 220, 320, 260);
    }

    @Test
    void aWideWindowGivesEachSideItsShare() {
        assertArrayEquals(new double[] {400, 1100, 500}, shares().widths(2000), 1e-9);
    }

    @Test
    void aSideNeverGetsLessThanItsMinimum() {
        double[] widths = shares().widths(1000);
        assertEquals(220, widths[0], 1e-9, "20 % would be 200");
        assertEquals(260, widths[2], 1e-9, "25 % would be 250");
        assertEquals(520, widths[1], 1e-9, "the image takes the rest");
    }

    @Test
    void whenTheImageWouldGetLessThanItsMinimumTheSidesGiveBackWhatTheyHaveAboveTheirs() {
        PanelShares wideSides = new PanelShares(0.35, 0.35, 220, 320, 260);
        double[] widths = wideSides.widths(1000);
        assertEquals(320, widths[1], 1e-9);
        assertEquals(1000, widths[0] + widths[1] + widths[2], 1e-9);
        assertEquals((350 - 220) / (350 - 260.0), (widths[0] - 220) / (widths[2] - 260), 1e-9,
                "in proportion to what each has above its minimum");
    }

    @Test
    void belowTheSumOfTheMinimumsTheSidesKeepTheirsAndTheImageGetsTheRest() {
        assertArrayEquals(new double[] {220, 220, 260}, shares().widths(700), 1e-9);
    }

    @Test
    void theWidthsDependOnlyOnTheTotalSoANarrowedWindowRegainsItsProportions() {
        PanelShares shares = shares();
        double[] before = shares.widths(1400);
        shares.widths(900);
        assertArrayEquals(before, shares.widths(1400), 1e-9);
    }

    @Test
    void dividersDraggedTooFarStillLeaveTheImageAFifth() {
        PanelShares shares = shares();
        shares.chosen(0.6, 0.4);
        assertEquals(0.48, shares.leftShare(), 1e-9);
        assertEquals(0.32, shares.rightShare(), 1e-9);
    }

    @Test
    void aDividerLeavesTheImageItsMinimumOrAFifthWhicheverIsMore() {
        assertEquals(320, shares().centreAtLeast(1000), 1e-9);
        assertEquals(500, shares().centreAtLeast(2500), 1e-9);
    }
}
