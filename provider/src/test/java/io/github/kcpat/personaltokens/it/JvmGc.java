package io.github.kcpat.personaltokens.it;

import java.util.Arrays;
import java.util.List;

/**
 * The server JVM's accumulated garbage-collection counters, read with {@code jstat -gc}: read
 * before and after a wrk round, they tell whether a round's tail lines up with collector pauses,
 * and how long one young pause took at each size of the realm.
 */
final class JvmGc {

    /**
     * Counters since the JVM started. {@code youngCount} and {@code youngMs} are the young (for G1,
     * also mixed) collections; {@code pauseMs} is every collection's time, jstat's GCT. A collector
     * without young collections (ZGC on Java 17) reports its cycles under CGC, not here.
     */
    record Counters(long youngCount, double youngMs, double pauseMs) {

        Counters minus(Counters before) {
            return new Counters(youngCount - before.youngCount, youngMs - before.youngMs, pauseMs - before.pauseMs);
        }
    }

    private JvmGc() {
    }

    static Counters read(long pid) {
        List<String> lines = CommandOutput.of(List.of("jstat", "-gc", Long.toString(pid))).lines()
                .map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.size() < 2) {
            throw new IllegalStateException("jstat printed no counters:\n" + String.join("\n", lines));
        }
        List<String> header = Arrays.asList(lines.get(0).split("\\s+"));
        String[] values = lines.get(1).split("\\s+");
        return new Counters((long) column(header, values, "YGC"), column(header, values, "YGCT") * 1000,
                column(header, values, "GCT") * 1000);
    }

    private static double column(List<String> header, String[] values, String name) {
        int at = header.indexOf(name);
        if (at < 0) {
            throw new IllegalStateException("jstat printed no " + name + " column: " + header);
        }
        // A collector without that kind of collection prints "-" (ZGC has no young collections on Java 17).
        return values[at].equals("-") ? 0 : Double.parseDouble(values[at]);
    }
}
