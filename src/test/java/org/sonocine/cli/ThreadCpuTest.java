package org.sonocine.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ThreadCpuTest {
    private static String stat(String name, int utime, int stime) {
        return "4242 (" + name + ") S 1 4242 4242 0 -1 4194368 150 0 0 0 " + utime + " " + stime
                + " 0 0 20 0 1 0 100 0 0 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 -1 1 0 0 0 0 0\n";
    }

    @Test
    void aCollectorThreadsTicksAreItsUserAndSystemTime() {
        assertEquals(12, ThreadCpu.gcTicks(stat("GC Thread#0", 5, 7)));
        assertEquals(3, ThreadCpu.gcTicks(stat("G1 Conc#0", 1, 2)));
    }

    @Test
    void otherThreadsCountNothingWhateverTheirNames() {
        assertEquals(0, ThreadCpu.gcTicks(stat("sonocine-decod", 500, 70)));
        assertEquals(0, ThreadCpu.gcTicks(stat("a (GC Thread#0) b", 500, 70)));
        assertEquals(0, ThreadCpu.gcTicks("not a stat line"));
    }
}
