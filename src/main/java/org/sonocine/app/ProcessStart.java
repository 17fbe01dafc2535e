package org.sonocine.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * When this process began, to the hundredth of a second where the system says so. The JVM's own start time is
 * taken once the JVM is initialised, 0.05–0.2 s after the process began; the operating system's start time as
 * Java reports it is only as exact as the boot time it is counted from, a whole second on Linux.
 */
final class ProcessStart {
    /** Linux counts a process's start in clock ticks of 1/100 s (USER_HZ, on every architecture Java runs on). */
    private static final int TICKS_PER_SECOND = 100;

    private ProcessStart() {
    }

    /** Epoch milliseconds: from Linux's process table where there is one, else the JVM's start. */
    static long epochMillis() {
        try {
            return fromProcessTable(Files.readString(Path.of("/proc/self/stat")),
                    Files.readString(Path.of("/proc/uptime")), System.currentTimeMillis());
        } catch (IOException | RuntimeException e) {
            return ManagementFactory.getRuntimeMXBean().getStartTime();
        }
    }

    /**
     * The start from {@code stat} (the process's start in ticks since boot, its 22nd field) and {@code uptime}
     * (seconds since boot), both counted from boot, read at {@code nowMillis}.
     */
    static long fromProcessTable(String stat, String uptime, long nowMillis) {
        // The command name, the 2nd field, is in parentheses and may itself hold spaces and parentheses.
        String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        long startTicks = Long.parseLong(afterName[22 - 3]);
        double secondsSinceBoot = Double.parseDouble(uptime.trim().split(" ")[0]);
        long sinceStart = Math.round(secondsSinceBoot * 1000) - startTicks * 1000 / TICKS_PER_SECOND;
        if (sinceStart < 0) {
            throw new IllegalArgumentException("process started after now");
        }
        return nowMillis - sinceStart;
    }
}
