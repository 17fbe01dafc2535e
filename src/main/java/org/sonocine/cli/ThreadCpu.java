package org.sonocine.cli;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Processor time of the garbage collector's threads. They are not Java threads, so the JVM's thread bean does
 * not see them; on Linux each has an entry under /proc/self/task with its name and CPU ticks. Elsewhere the
 * collectors' own pause times stand in (they leave out concurrent work, so they are a lower bound).
 */
final class ThreadCpu {
    /** Names HotSpot gives its collector threads (G1, Parallel, Serial work in the VM thread is not counted). */
    private static final Pattern GC_THREAD = Pattern.compile("GC Thread#\\d+|G1 .*|ParGC.*|Par GC.*|ZWorker.*");
    /** The fields after the name in /proc/PID/task/TID/stat: utime and stime are the 12th and 13th. */
    private static final Pattern STAT = Pattern.compile("\\d+ \\((.*)\\)\\s+(.*)");
    private static final double TICK_NANOS = 1e9 / 100;

    private ThreadCpu() {
    }

    /** CPU time of the collector threads so far, in ns, and whether it was measured per thread. */
    record Reading(long nanos, boolean perThread) {
    }

    static Reading garbageCollector() {
        Path tasks = Path.of("/proc/self/task");
        if (Files.isDirectory(tasks)) {
            long ticks = 0;
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tasks)) {
                for (Path dir : dirs) {
                    ticks += gcTicks(dir.resolve("stat"));
                }
                return new Reading((long) (ticks * TICK_NANOS), true);
            } catch (IOException e) {
                // fall through to the collectors' pause times
            }
        }
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new Reading(millis * 1_000_000L, false);
    }

    private static long gcTicks(Path stat) {
        try {
            return gcTicks(Files.readString(stat));
        } catch (IOException e) {
            return 0; // the thread ended while it was being read
        }
    }

    /** The CPU ticks of one /proc/PID/task/TID/stat line, if it is a collector thread's; else 0. */
    static long gcTicks(String statLine) {
        Matcher m = STAT.matcher(statLine.trim());
        if (!m.matches() || !GC_THREAD.matcher(m.group(1)).matches()) {
            return 0;
        }
        String[] fields = m.group(2).split(" ");
        if (fields.length < 13) {
            return 0;
        }
        try {
            // After the name: state is field 3 of the file, so utime (14) and stime (15) are at 11 and 12 here.
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
