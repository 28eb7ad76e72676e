package io.github.kcpat.personaltokens.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import one.profiler.AsyncProfilerLoader;

/**
 * An async-profiler CPU profile of the server while wrk drives one request, with the server's CPU
 * per request over the same seconds, so that each share of samples becomes milliseconds of CPU.
 *
 * <p>async-profiler rather than JFR: JFR drops samples it cannot walk, which here were mostly
 * those inside BigInteger's intrinsics, so RSA's share swung from 7 % to 46 % between grants that
 * sign the same token. async-profiler also samples GC and JIT threads, which belong to the cost.
 */
final class ExchangeProfile {

    private static final String OURS = "io/github/kcpat/personaltokens/";

    /**
     * Where a sample's CPU went, first match wins: the RSA signature, the event store and the
     * commit are counted before the code that called them, so each sample lands in one row.
     */
    static final Map<String, Predicate<List<String>>> CATEGORIES = categories();

    record Result(String markdown, Map<String, Double> msPerRequest, double cpuPerRequest) {
    }

    private ExchangeProfile() {
    }

    static Result record(long pid, Wrk.Request request, int seconds, Path file) {
        String target = Long.toString(pid);
        try {
            profiler("start", "-e", "cpu", "-i", "2ms", target);
        } catch (UncheckedIOException e) {
            // On a machine where ap-loader had never run, the first attach failed ("Target JVM failed
            // to load asyncProfiler") while the same command went through a moment later.
            sleep(2000);
            profiler("start", "-e", "cpu", "-i", "2ms", target);
        }
        double cpuBefore = ServerCpu.millis(pid);
        Wrk.Result load = Wrk.run(request, seconds);
        double cpuPerRequest = (ServerCpu.millis(pid) - cpuBefore) / load.requests();
        profiler("stop", "-o", "collapsed", "-f", file.toString(), target);
        return summarise(stacks(file), file, cpuPerRequest, load);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void profiler(String... args) {
        try {
            AsyncProfilerLoader.executeProfiler(args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Collapsed stacks, outermost frame first, each repeated by its sample count. */
    private static List<List<String>> stacks(Path file) {
        try {
            List<List<String>> stacks = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                int space = line.lastIndexOf(' ');
                if (space > 0) {
                    List<String> frames = List.of(line.substring(0, space).split(";"));
                    for (long i = Long.parseLong(line.substring(space + 1)); i > 0; i--) {
                        stacks.add(frames);
                    }
                }
            }
            return stacks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Result summarise(List<List<String>> stacks, Path file, double cpuPerRequest, Wrk.Result load) {
        int n = stacks.size();
        StringBuilder md = new StringBuilder(String.format("async-profiler (`-e cpu -i 2ms`, `%s`): %d samples over %.0f s, "
                + "%d requests at %.0f req/s; server CPU %.3f ms per request.%n%n",
                file.getFileName(), n, load.seconds(), load.requests(), load.throughput(), cpuPerRequest));
        md.append(share("samples with a frame of ours (`io.github.kcpat.personaltokens.*`) anywhere on the stack", stacks, anyFrame(OURS)));
        md.append(share("samples in cluster calls (`org.infinispan.remoting.*` or `org.jgroups.*`)", stacks,
                anyFrame("org/infinispan/remoting/").or(anyFrame("org/jgroups/"))));
        md.append("\n| where the CPU went (first match wins) | share | ms per request |\n|---|---|---|\n");
        Map<String, Double> ms = new LinkedHashMap<>();
        Map<String, Long> counts = stacks.stream().collect(Collectors.groupingBy(ExchangeProfile::category, Collectors.counting()));
        for (String category : CATEGORIES.keySet()) {
            double fraction = n == 0 ? 0 : (double) counts.getOrDefault(category, 0L) / n;
            ms.put(category, fraction * cpuPerRequest);
            md.append(String.format("| %s | %.1f %% | %.3f |%n", category, 100 * fraction, fraction * cpuPerRequest));
        }
        md.append("\n| hottest top frames | share |\n|---|---|\n");
        top(stacks, s -> s.get(s.size() - 1), 10).forEach((f, c) -> md.append(String.format("| `%s` | %.1f %% |%n", f, 100.0 * c / n)));
        md.append("\n| innermost frame of ours (its callees included) | share of all samples |\n|---|---|\n");
        top(stacks.stream().filter(anyFrame(OURS)).toList(), ExchangeProfile::innermostOfOurs, 10)
                .forEach((f, c) -> md.append(String.format("| `%s` | %.1f %% |%n", f, 100.0 * c / n)));
        return new Result(md.toString(), ms, cpuPerRequest);
    }

    private static String category(List<String> stack) {
        return CATEGORIES.entrySet().stream().filter(e -> e.getValue().test(stack)).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }

    private static Map<String, Predicate<List<String>>> categories() {
        Map<String, Predicate<List<String>>> c = new LinkedHashMap<>();
        c.put("JVM threads: GC, JIT compiler, VM", stack -> stack.stream().noneMatch(ExchangeProfile::isJavaFrame));
        c.put("RS256 signature (`sun.security.rsa`)", anyFrame("sun/security/rsa/"));
        c.put("user event stored (`org.keycloak.events.jpa`)", anyFrame("org/keycloak/events/jpa/"));
        c.put("transaction commit (JPA flush, cache writes)", anyFrame("org/keycloak/services/DefaultKeycloakTransactionManager.commit"));
        c.put("`TokenManager` outside the signature: token building, protocol mappers, JSON; for (a) also the refresh token's check",
                anyFrame("org/keycloak/protocol/oidc/TokenManager"));
        c.put("the provider's code outside the above: lookup by digest, checks, session copy", anyFrame(OURS));
        c.put("token endpoint outside the grant's work: form, client authentication, client policies",
                anyFrame("org/keycloak/protocol/oidc/endpoints/TokenEndpoint"));
        c.put("everything else on request threads: HTTP server, JAX-RS, Keycloak session", stack -> true);
        return c;
    }

    private static boolean isJavaFrame(String frame) {
        return frame.matches("[a-z][\\w$]*(/[\\w$]+)+\\.[\\w$<>]+.*");
    }

    private static Predicate<List<String>> anyFrame(String prefix) {
        return stack -> stack.stream().anyMatch(f -> f.startsWith(prefix));
    }

    private static String innermostOfOurs(List<String> stack) {
        for (int i = stack.size() - 1; i >= 0; i--) {
            if (stack.get(i).startsWith(OURS)) {
                return stack.get(i).replace('/', '.');
            }
        }
        throw new IllegalArgumentException("no frame of ours");
    }

    private static String share(String what, List<List<String>> stacks, Predicate<List<String>> test) {
        long hits = stacks.stream().filter(test).count();
        return String.format("- %s: %.1f %%%n", what, stacks.isEmpty() ? 0 : 100.0 * hits / stacks.size());
    }

    private static Map<String, Long> top(List<List<String>> stacks, Function<List<String>, String> key, int limit) {
        return stacks.stream().collect(Collectors.groupingBy(key, Collectors.counting())).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (x, y) -> x, LinkedHashMap::new));
    }
}
