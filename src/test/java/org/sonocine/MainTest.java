package org.sonocine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class MainTest {
    @Test
    void findersProcessSerialNumberIsNeitherAPathNorAnOption() {
        assertArrayEquals(new String[] {"exam.dcm"}, Main.withoutProcessSerialNumber(
                new String[] {"-psn_0_1234567", "exam.dcm"}));
        String[] plain = {"info", "exam.dcm"};
        assertSame(plain, Main.withoutProcessSerialNumber(plain), "nothing copied when there is none");
    }
}
