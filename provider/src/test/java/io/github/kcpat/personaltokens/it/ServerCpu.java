package io.github.kcpat.personaltokens.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time a process has used, from {@code /proc/<pid>/stat}. Divided by the requests of a
 * run it gives the server's CPU cost per request, which holds up on a shared machine where
 * throughput swings with whatever else runs: a busy neighbour slows every request down but does
 * not make the server burn more of its own cycles on each.
 */
final class ServerCpu {

    /** Linux reports utime and stime in clock ticks of 1/100 s on every platform Java runs on here. */
    private static final double MS_PER_TICK = 10.0;

    private ServerCpu() {
    }

    static double millis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command name may hold spaces; the fields after it are fixed: utime is the 12th, stime the 13th.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MS_PER_TICK;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CPU time of process " + pid, e);
        }
    }
}
