package org.sonocine.cli;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DecimalsTest {
    @Test
    void writesWhatTheRootLocaleFormatWrites() {
        double[] values = {0, -0.0, 0.005, 0.015, 1.115, 2.675, -0.001, -0.004, 0.125, -1.5, 2.5, 1e-10, 1e20,
                123456789.125, Double.MAX_VALUE, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY};
        for (double value : values) {
            assertSameAsFormat(value);
        }
        Random random = new Random(15);
        for (int i = 0; i < 20_000; i++) {
            assertSameAsFormat(random.nextDouble() * 10);
            assertSameAsFormat(Math.round(random.nextDouble() * 100_000) / 1000.0);
            assertSameAsFormat(Double.longBitsToDouble(random.nextLong()));
        }
    }

    private static void assertSameAsFormat(double value) {
        for (int places : new int[] {0, 2}) {
            assertEquals(String.format(Locale.ROOT, "%." + places + "f", value), Decimals.of(value, places),
                    value + " to " + places + " places");
        }
    }
}
