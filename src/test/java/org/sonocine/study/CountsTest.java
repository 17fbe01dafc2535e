package org.sonocine.study;

import org.junit.jupiter.api.Test;

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
}
