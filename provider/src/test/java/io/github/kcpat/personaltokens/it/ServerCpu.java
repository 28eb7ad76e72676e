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
    static final long WINDOW_MS = 500;
    static final int IDLE_WINDOWS = 2;
    /** An idle Keycloak's timers and JGroups use well under this; a busy one, a core or more. */
    static final double IDLE_SHARE = 0.1;

    private ServerCpu() {
    }

    /**
     * Waits until the process has used less than {@code IDLE_SHARE} of one core in each of
     * {@code IDLE_WINDOWS} consecutive windows of {@code WINDOW_MS}, or {@code maxSeconds} have
     * passed; returns the seconds waited. A benchmark round started while the server still
     * finishes the last one's work (queued requests, H2 writing its pages, collections) measures
     * that work in its tail.
     */
    static double awaitIdle(long pid, int maxSeconds) {
        long start = System.nanoTime();
        long deadline = start + maxSeconds * 1_000_000_000L;
        int quiet = 0;
        double before = millis(pid);
        while (quiet < IDLE_WINDOWS && System.nanoTime() < deadline) {
            try {
                Thread.sleep(WINDOW_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            double now = millis(pid);
            quiet = now - before < IDLE_SHARE * WINDOW_MS ? quiet + 1 : 0;
            before = now;
        }
        return (System.nanoTime() - start) / 1e9;
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
