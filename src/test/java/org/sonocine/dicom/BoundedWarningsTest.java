package org.sonocine.dicom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BoundedWarningsTest {

    @Test
    void aKindIsTheWarningWithEachRunOfDigitsMadeOneMark() {
        assertEquals("element (#,#) at offset # ends past its item", BoundedWarnings.kindOf(
                "element (0018,6011) at offset 1234567 ends past its item"));
        assertEquals("#", BoundedWarnings.kindOf("2024"));
        assertEquals("no digits", BoundedWarnings.kindOf("no digits"));
        assertEquals("", BoundedWarnings.kindOf(""));
    }

    @Test
    void warningsAlikeButForTheirNumbersAreCountedTogetherPastTheFirstFew() {
        BoundedWarnings warnings = new BoundedWarnings();
        for (int i = 0; i < BoundedWarnings.PER_KIND + 5; i++) {
            warnings.add("stray delimiter at offset " + i * 8);
        }
        warnings.add("odd length 7");

        assertThat(warnings).hasSize(BoundedWarnings.PER_KIND + 2)
                .contains("stray delimiter at offset 0", "odd length 7")
                .endsWith("and 5 more like it: stray delimiter at offset #");
    }
}
