package io.github.kcpat.personaltokens.it;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A JFR recording of the server while wrk drives one request, summarised from
 * {@code jfr print --events jdk.ExecutionSample}: the hottest top frames, the share of samples
 * that run inside our package, inside RSA signing, and the innermost of our methods on the stack.
 */
final class ExchangeProfile {

    private static final String OURS = "io.github.kcpat.personaltokens.";

    private ExchangeProfile() {
    }

    static String record(long pid, Wrk.Request request, int seconds, Path file) {
        JvmHeap.jcmd(pid, "JFR.start name=bench settings=profile");
        Wrk.run(request, seconds);
        JvmHeap.jcmd(pid, "JFR.dump name=bench filename=" + file);
        JvmHeap.jcmd(pid, "JFR.stop name=bench");
        return summarise(stacks(file), file);
    }

    private static List<List<String>> stacks(Path file) {
        String out = CommandOutput.of(List.of("jfr", "print", "--stack-depth", "96", "--events", "jdk.ExecutionSample",
                file.toString()));
        return java.util.Arrays.stream(out.split("jdk.ExecutionSample \\{")).skip(1).map(ExchangeProfile::frames)
                .filter(f -> !f.isEmpty()).toList();
    }

    /** The frames of one event, top first, without line numbers. */
    private static List<String> frames(String event) {
        int start = event.indexOf("stackTrace = [");
        if (start < 0) {
            return List.of();
        }
        // The list ends at a line that is only "]": frames themselves contain brackets (int[]).
        return event.substring(start + "stackTrace = [".length()).lines().map(String::strip)
                .takeWhile(l -> !l.equals("]")).filter(l -> !l.isEmpty() && !l.equals("..."))
                .map(l -> l.replaceAll("\\s+line:.*$", "")).toList();
    }

    private static String summarise(List<List<String>> stacks, Path file) {
        int n = stacks.size();
        StringBuilder md = new StringBuilder(String.format("JFR (`%s`, settings=profile): %d execution samples.%n%n", file.getFileName(), n));
        md.append(share("samples with a frame of ours (`" + OURS + "*`) anywhere on the stack", stacks, s -> s.stream().anyMatch(f -> f.startsWith(OURS))));
        md.append(share("samples in RSA signing (`sun.security.rsa.*` on the stack)", stacks, s -> s.stream().anyMatch(f -> f.startsWith("sun.security.rsa."))));
        md.append(share("samples in JSON/JWT encoding (`org.keycloak.jose.*` or `com.fasterxml.*`)", stacks,
                s -> s.stream().anyMatch(f -> f.startsWith("org.keycloak.jose.") || f.startsWith("com.fasterxml."))));
        md.append(share("samples in Hibernate/JDBC (`org.hibernate.*`, `org.h2.*` or `org.postgresql.*`)", stacks,
                s -> s.stream().anyMatch(f -> f.startsWith("org.hibernate.") || f.startsWith("org.h2.") || f.startsWith("org.postgresql."))));
        md.append(share("samples in cluster calls (`org.infinispan.remoting.*` or `org.jgroups.*`)", stacks,
                s -> s.stream().anyMatch(f -> f.startsWith("org.infinispan.remoting.") || f.startsWith("org.jgroups."))));
        md.append("\n| hottest top frames | share |\n|---|---|\n");
        top(stacks, s -> s.get(0), 10).forEach((f, c) -> md.append(String.format("| `%s` | %.1f %% |%n", f, 100.0 * c / n)));
        md.append("\n| innermost frame of ours (its callees included) | share of all samples |\n|---|---|\n");
        top(stacks.stream().filter(s -> s.stream().anyMatch(f -> f.startsWith(OURS))).toList(),
                s -> s.stream().filter(f -> f.startsWith(OURS)).findFirst().orElseThrow(), 10)
                .forEach((f, c) -> md.append(String.format("| `%s` | %.1f %% |%n", f, 100.0 * c / n)));
        return md.toString();
    }

    private static String share(String what, List<List<String>> stacks, java.util.function.Predicate<List<String>> test) {
        long hits = stacks.stream().filter(test).count();
        return String.format("- %s: %.1f %%%n", what, stacks.isEmpty() ? 0 : 100.0 * hits / stacks.size());
    }

    private static Map<String, Long> top(List<List<String>> stacks, Function<List<String>, String> key, int limit) {
        return stacks.stream().collect(Collectors.groupingBy(key, Collectors.counting())).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (x, y) -> x, LinkedHashMap::new));
    }
}
