package io.github.kcpat.personaltokens.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs Debian's {@code wrk} with {@code src/test/bench/contender.lua} against one request and
 * parses the JSON line the script's {@code done()} hook prints.
 */
final class Wrk {

    static final int THREADS = 2;
    static final int CONNECTIONS = 8;
    /** wrk's default of 2 s would count slow answers as socket errors and leave them out of the latencies. */
    static final int TIMEOUT_SECONDS = 10;

    /** One request to drive: method, URL, form body (or null), one extra header (or null). */
    record Request(String method, String url, String body, String headerName, String headerValue) {
    }

    /** What one wrk run measured. */
    record Result(long requests, double seconds, double p50Ms, double p99Ms, long non2xx, long socketErrors) {

        double throughput() {
            return requests / seconds;
        }

        long errors() {
            return non2xx + socketErrors;
        }
    }

    private Wrk() {
    }

    static Result run(Request request, int seconds) {
        return run(request, seconds, THREADS, CONNECTIONS);
    }

    static Result run(Request request, int seconds, int threads, int connections) {
        Path script = Path.of(System.getProperty("kcpat.repoRoot"), "provider/src/test/bench/contender.lua");
        List<String> command = List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--latency", "--timeout", TIMEOUT_SECONDS + "s", "-s", script.toString(), request.url());
        Map<String, String> env = Map.of(
                "BENCH_METHOD", request.method(),
                "BENCH_BODY", request.body() == null ? "" : request.body(),
                "BENCH_HEADER_NAME", request.headerName() == null ? "" : request.headerName(),
                "BENCH_HEADER_VALUE", request.headerValue() == null ? "" : request.headerValue());
        try {
            return parse(CommandOutput.of(command, env));
        } catch (IOException e) {
            throw new IllegalStateException("wrk's result is not JSON", e);
        }
    }

    private static Result parse(String output) throws IOException {
        int at = output.indexOf("BENCH_RESULT ");
        if (at < 0) {
            throw new IllegalStateException("wrk printed no result:\n" + output);
        }
        String line = output.substring(at + "BENCH_RESULT ".length()).lines().findFirst().orElseThrow();
        var json = Http.JSON.readTree(line);
        return new Result(json.get("requests").asLong(), json.get("durationUs").asLong() / 1e6,
                json.get("p50Us").asLong() / 1e3, json.get("p99Us").asLong() / 1e3,
                json.get("non2xx").asLong(), json.get("socketErrors").asLong());
    }
}
