package org.sonocine.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** When the process began, for the start-up report, from Linux's process table. */
class ProcessStartTest {
    /** A stat line whose command name holds a space and parentheses; 2,500 ticks (25 s) after boot. */
    private static final String STAT = "4242 (my (odd) java) S 1 4242 4242 0 -1 4194560 1843 0 0 0 12 3 0 0 20 0 "
            + "21 0 2500 3845423104 11925 18446744073709551615 1 1 0 0 0 0 0 4096 16796879 0 0 0 17 1 0 0 0 0 0";

    @Test
    void theStartIsNowLessTheTimeSinceItInHundredthsOfASecond() {
        // 31.25 s since boot, the process started 25 s after boot: it is 6.25 s old
        assertEquals(1_000_000L - 6_250, ProcessStart.fromProcessTable(STAT, "31.25 107.51\n", 1_000_000L));
    }

    @Test
    void aStartLaterThanNowIsRefusedNotReported() {
        assertThatThrownBy(() -> ProcessStart.fromProcessTable(STAT, "24.00 10.00", 1_000_000L))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void onLinuxThisProcessBeganBeforeItsJvmWasReady() {
        long start = ProcessStart.epochMillis();
        long jvmReady = ManagementFactory.getRuntimeMXBean().getStartTime();
        assertThat(start).isLessThanOrEqualTo(jvmReady + 10).isGreaterThan(jvmReady - 60_000);
    }
}
