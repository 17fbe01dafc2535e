package org.sonocine.study;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CountsTest {
    @Test
    void oneIsSingular() {
        assertEquals("1 instance", Counts.of(1, "instance"));
        assertEquals("1 study", Counts.of(1, "study", "studies"));
    }

    @Test
    void otherCountsArePluralWithThousandsSeparators() {
        assertEquals("0 files", Counts.of(0, "file"));
        assertEquals("20,000 studies", Counts.of(20_000, "study", "studies"));
    }

    @Test
    void groupingWritesWhatTheRootLocaleFormatWrites() {
        long[] counts = {0, 7, -7, 999, 1000, -1000, 12_345, 999_999, 1_000_000, -123_456_789, Long.MAX_VALUE,
                Long.MIN_VALUE};
        for (long count : counts) {
            assertEquals(String.format(Locale.ROOT, "%,d", count), Counts.grouped(count));
        }
    }
}
