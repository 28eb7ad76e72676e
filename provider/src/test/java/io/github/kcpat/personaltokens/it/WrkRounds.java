package io.github.kcpat.personaltokens.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Interleaved wrk rounds against one server, by contender: what wrk measured, the server's CPU
 * per request and its GC pause time during each round. A round starts only once the server is
 * idle: started while the server still finishes the previous contender's work (queued requests,
 * event and session writes, a collection of its garbage), it would measure that work in its tail
 * and charge it the CPU. Each round starts one contender later than the one before, so that none
 * always follows the same neighbour.
 */
final class WrkRounds {

    /** The longest wait for the server to go idle before a round. */
    static final int IDLE_MAX_SECONDS = 30;

    private final long pid;
    private final int seconds;
    private final int connections;
    final Map<String, List<Wrk.Result>> results = new LinkedHashMap<>();
    final Map<String, List<Double>> cpuMsPerRequest = new LinkedHashMap<>();
    /** The collector's counters during each round. */
    final Map<String, List<JvmGc.Counters>> gc = new LinkedHashMap<>();
    final List<Double> idleWaits = new ArrayList<>();

    /** Rounds with wrk's usual load, {@link Wrk#CONNECTIONS} connections. */
    WrkRounds(long pid, int seconds) {
        this(pid, seconds, Wrk.CONNECTIONS);
    }

    WrkRounds(long pid, int seconds, int connections) {
        this.pid = pid;
        this.seconds = seconds;
        this.connections = connections;
    }

    WrkRounds interleave(Map<String, Supplier<Wrk.Request>> contenders, int rounds) {
        List<String> order = new ArrayList<>(contenders.keySet());
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < order.size(); i++) {
                String name = order.get((round + i) % order.size());
                run(name, contenders.get(name));
            }
        }
        return this;
    }

    Wrk.Result run(String name, Supplier<Wrk.Request> request) {
        Wrk.Request req = request.get();
        idleWaits.add(ServerCpu.awaitIdle(pid, IDLE_MAX_SECONDS));
        JvmGc.Counters gcBefore = JvmGc.read(pid);
        double cpuBefore = ServerCpu.millis(pid);
        Wrk.Result result = Wrk.run(req, seconds, Math.min(Wrk.THREADS, connections), connections);
        cpuMsPerRequest.computeIfAbsent(name, k -> new ArrayList<>()).add((ServerCpu.millis(pid) - cpuBefore) / result.requests());
        gc.computeIfAbsent(name, k -> new ArrayList<>()).add(JvmGc.read(pid).minus(gcBefore));
        results.computeIfAbsent(name, k -> new ArrayList<>()).add(result);
        return result;
    }

    /** Collector pause time per round, by contender. */
    Map<String, List<Double>> gcPauseMs() {
        Map<String, List<Double>> ms = new LinkedHashMap<>();
        gc.forEach((name, rounds) -> ms.put(name, rounds.stream().map(JvmGc.Counters::pauseMs).toList()));
        return ms;
    }

    /** The mean young pause over all of a contender's rounds; 0 when none ran. */
    double meanYoungPauseMs(String name) {
        long count = gc.get(name).stream().mapToLong(JvmGc.Counters::youngCount).sum();
        return count == 0 ? 0 : gc.get(name).stream().mapToDouble(JvmGc.Counters::youngMs).sum() / count;
    }

    /** How rounds are run, for a report. */
    static String method() {
        return String.format("Each round starts once the server is idle (under %.0f %% of a core in %d windows of %d ms in a "
                + "row, at most %d s) and one contender later than the round before.", ServerCpu.IDLE_SHARE * 100,
                ServerCpu.IDLE_WINDOWS, ServerCpu.WINDOW_MS, IDLE_MAX_SECONDS);
    }
}
