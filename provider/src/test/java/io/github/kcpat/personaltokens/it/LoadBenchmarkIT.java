package io.github.kcpat.personaltokens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Throughput and latency of the personal-token endpoints beside Keycloak's own grants, driven by
 * wrk against one server, in interleaved rounds after a warm-up so that background load on a
 * shared machine hits every contender alike. The ratios within one run are the result. Writes
 * docs/bench/report.md and docs/bench/results.json. Run: {@code bash provider/src/test/bench/run.sh}
 */
@EnabledIfSystemProperty(named = "kcpat.bench", matches = "true")
class LoadBenchmarkIT {

    static final int ROUNDS = Integer.getInteger("kcpat.bench.rounds", 3);
    static final int SECONDS = Integer.getInteger("kcpat.bench.seconds", 8);
    static final int WARMUP_SECONDS = 4;

    /** Personal-token exchanges to run before the heap is read again: the "none per exchange". */
    static final long SOAK_EXCHANGES = Long.getLong("kcpat.bench.soakExchanges", 100_000);
    static final String EXCHANGE = "d X-Refresh-Token exchange";
    static final List<String> PROFILED = List.of("a refresh_token grant", "c personal-token grant", EXCHANGE);
    static final int PROFILE_SECONDS = Integer.getInteger("kcpat.bench.profileSeconds", 20);

    @Test
    void contendersSideBySide() throws IOException {
        BenchmarkServer.inFreshRealm("bench-load", "bench", this::measure);
    }

    private void measure(TestRealm realm) throws IOException {
        realm.createUser("bench", "user");
        realm.updateClient("it-api", Map.of("serviceAccountsEnabled", true));
        String secret = realm.createToken(realm.userToken("bench"), "bench").get("token").asText();
        // Without the openid scope: no ID token, so the refresh grant signs what the exchange signs.
        Http.Res login = Http.postForm(realm.tokenEndpoint(), Map.of("grant_type", "password", "client_id", "it-cli",
                "username", "bench", "password", TestRealm.PASSWORD));
        String refreshToken = login.json().get("refresh_token").asText();

        Map<String, Supplier<Wrk.Request>> contenders = new LinkedHashMap<>();
        contenders.put("a refresh_token grant", () -> post(realm.tokenEndpoint(), Map.of("grant_type", "refresh_token",
                "client_id", "it-cli", "refresh_token", refreshToken)));
        contenders.put("b client_credentials grant", () -> post(realm.tokenEndpoint(), Map.of(
                "grant_type", "client_credentials", "client_id", "it-api", "client_secret", "it-api-secret")));
        contenders.put("c personal-token grant", () -> post(realm.tokenEndpoint(), Map.of(
                "grant_type", "urn:keycloak:personal-token", "client_id", "personal-tokens", "personal_token", secret)));
        contenders.put(EXCHANGE, () -> new Wrk.Request("POST", realm.tokensUrl() + "/access-token",
                null, "X-Refresh-Token", secret));
        contenders.put("e forward auth", () -> new Wrk.Request("GET", realm.tokensUrl() + "/auth",
                null, "Authorization", "Bearer " + secret));
        // The admin token is fetched per run: the master realm's access tokens live a minute.
        contenders.put("f admin list, first page", () -> new Wrk.Request("GET", realm.adminUrl() + "/personal-tokens?max=20",
                null, "Authorization", "Bearer " + realm.admin()));

        // Twice round, so that the JIT has compiled every contender's path before anything counts.
        for (int pass = 0; pass < 2; pass++) {
            for (Map.Entry<String, Supplier<Wrk.Request>> c : contenders.entrySet()) {
                Wrk.Result warm = Wrk.run(c.getValue().get(), WARMUP_SECONDS);
                assertEquals(0, warm.errors(), c.getKey() + " failed during warm-up: " + warm);
            }
        }
        long pid = realm.server.javaPid();
        String heapBefore = JvmHeap.afterFullGc(pid);
        String classesBefore = JvmHeap.largestClasses(pid, 20);
        Report report = interleave(contenders, pid);
        long exchanges = minted(report.rounds());
        while (exchanges < SOAK_EXCHANGES) {
            exchanges += Wrk.run(contenders.get(EXCHANGE).get(), 20).requests();
        }
        String heapAfter = JvmHeap.afterFullGc(pid);
        String classesAfter = JvmHeap.largestClasses(pid, 20);
        Map<String, ExchangeProfile.Result> profiles = new LinkedHashMap<>();
        profile(contenders, "events stored", profiles, pid);

        // Keycloak stores the event of every extension grant (OAUTH2_EXTENSION_GRANT is saved by
        // default, REFRESH_TOKEN is not): a row insert per exchange that the refresh grant never
        // pays. A realm that stores no user events, Keycloak's default for a new realm, shows the rest.
        realm.updateRealm(Map.of("eventsEnabled", false));
        Map<String, Supplier<Wrk.Request>> unstored = new LinkedHashMap<>(contenders);
        unstored.keySet().retainAll(PROFILED);
        unstored.values().forEach(request -> Wrk.run(request.get(), WARMUP_SECONDS));
        Report withoutStoredEvents = interleave(unstored, pid);
        profile(contenders, "no events stored", profiles, pid);

        Path dir = Path.of(System.getProperty("kcpat.repoRoot"), "docs/bench");
        Files.createDirectories(dir);
        StringBuilder md = new StringBuilder(Report.HEADING + "\n\n" + report.markdown(heapBefore, heapAfter, exchanges)
                + "\n#### Largest classes before the rounds\n\n```\n" + classesBefore + "\n```\n"
                + "\n#### Largest classes after the exchanges\n\n```\n" + classesAfter + "\n```\n"
                + "\n### The same in a realm that stores no user events\n\n" + withoutStoredEvents.markdown(null, null, 0)
                + "\n### Where the server's CPU goes, per request\n\n" + costTable(profiles));
        profiles.forEach((name, profile) -> md.append("\n#### Profile: ").append(name).append("\n\n").append(profile.markdown()));
        System.out.println(md);
        ReportFile.replaceSection(dir.resolve("report.md"), Report.HEADING, md.toString());
        Files.writeString(dir.resolve("results.json"), Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                Map.of("eventsStored", report, "eventsNotStored", withoutStoredEvents)));
    }

    /** A CPU profile of each of the refresh grant and the two exchanges, in the realm as it is now. */
    private static void profile(Map<String, Supplier<Wrk.Request>> contenders, String setting,
                                Map<String, ExchangeProfile.Result> profiles, long pid) {
        Path dir = Path.of(System.getProperty("kcpat.workDir"));
        for (String name : PROFILED) {
            String file = name.substring(0, 1) + "-" + setting.replace(' ', '-') + ".collapsed";
            profiles.put(name + ", " + setting, ExchangeProfile.record(pid, contenders.get(name).get(), PROFILE_SECONDS, dir.resolve(file)));
        }
    }

    /** The profiles side by side: each category's share of samples times the CPU per request. */
    private static String costTable(Map<String, ExchangeProfile.Result> profiles) {
        StringBuilder md = new StringBuilder(String.format("Milliseconds of server CPU per request (async-profiler, %d s of "
                + "wrk -t%d -c%d per column; a category's share of samples times the column's CPU per request).%n%n| |",
                PROFILE_SECONDS, Wrk.THREADS, Wrk.CONNECTIONS));
        profiles.keySet().forEach(name -> md.append(' ').append(name).append(" |"));
        md.append("\n|---|").append("---|".repeat(profiles.size())).append('\n');
        for (String category : ExchangeProfile.CATEGORIES.keySet()) {
            md.append("| ").append(category).append(" |");
            profiles.values().forEach(p -> md.append(String.format(" %.3f |", p.msPerRequest().get(category))));
            md.append('\n');
        }
        md.append("| **all** |");
        profiles.values().forEach(p -> md.append(String.format(" **%.3f** |", p.cpuPerRequest())));
        return md.append('\n').toString();
    }

    private static Report interleave(Map<String, Supplier<Wrk.Request>> contenders, long pid) {
        WrkRounds rounds = new WrkRounds(pid, SECONDS).interleave(contenders, ROUNDS);
        return new Report(rounds.results, rounds.cpuMsPerRequest);
    }

    /** Requests that minted an access token from a personal token: both exchanges. */
    private static long minted(Map<String, List<Wrk.Result>> rounds) {
        return rounds.entrySet().stream().filter(e -> e.getKey().startsWith("c ") || e.getKey().startsWith("d "))
                .flatMap(e -> e.getValue().stream()).mapToLong(Wrk.Result::requests).sum();
    }

    private static Wrk.Request post(String url, Map<String, String> form) {
        return new Wrk.Request("POST", url, Http.formBody(form), null, null);
    }

    /** Medians over rounds, the ratios to the refresh grant and a verdict per ratio target. */
    record Report(Map<String, List<Wrk.Result>> rounds, Map<String, List<Double>> cpu) {

        static final String HEADING = "## Contenders side by side";

        static double median(List<Wrk.Result> results, java.util.function.ToDoubleFunction<Wrk.Result> f) {
            return medianOf(results.stream().map(f::applyAsDouble).toList());
        }

        double throughput(String prefix) {
            return rounds.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).findFirst()
                    .map(e -> median(e.getValue(), Wrk.Result::throughput)).orElseThrow();
        }

        double cpuPerRequest(String prefix) {
            return cpu.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).findFirst()
                    .map(e -> medianOf(e.getValue())).orElseThrow();
        }

        static double medianOf(List<Double> values) {
            double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }

        String markdown(String heapBefore, String heapAfter, long exchanges) {
            StringBuilder md = new StringBuilder();
            md.append(String.format("wrk -t%d -c%d, two warm-up passes of %d s per contender, then %d interleaved rounds of %d s "
                    + "per contender; medians over rounds. %s Server CPU: the Keycloak JVM's user + system time during a "
                    + "round (/proc/<pid>/stat) over the round's requests.%n%n",
                    Wrk.THREADS, Wrk.CONNECTIONS, WARMUP_SECONDS, ROUNDS, SECONDS, WrkRounds.method()));
            md.append("| contender | req/s | p50 ms | p99 ms | server CPU ms/request | non-2xx + socket errors (all rounds) | req/s per round |\n"
                    + "|---|---|---|---|---|---|---|\n");
            rounds.forEach((name, results) -> md.append(String.format("| %s | %.1f | %.2f | %.2f | %.3f | %d | %s |%n", name,
                    median(results, Wrk.Result::throughput), median(results, Wrk.Result::p50Ms),
                    median(results, Wrk.Result::p99Ms), cpuPerRequest(name.substring(0, 2)),
                    results.stream().mapToLong(Wrk.Result::errors).sum(),
                    String.join(" / ", results.stream().map(r -> String.format("%.0f", r.throughput())).toList()))));
            md.append("\n| ratio of throughput | value | target | verdict |\n|---|---|---|---|\n");
            verdict(md, "c", "(c)/(a) personal-token grant", 1.2);
            verdict(md, "d", "(d)/(a) X-Refresh-Token exchange", 1.2);
            verdict(md, "e", "(e)/(a) forward auth", 2.0);
            md.append("\nThe same comparison by the server's CPU per request, the refresh grant's over the contender's "
                    + "(it moves less with a busy neighbour than throughput does):\n\n| ratio of CPU cost | value |\n|---|---|\n");
            for (String c : List.of("c", "d", "e")) {
                if (has(c)) {
                    md.append(String.format("| (a)/(%s) | %.2f |%n", c, cpuPerRequest("a ") / cpuPerRequest(c + " ")));
                }
            }
            if (heapBefore == null) {
                return md.toString();
            }
            md.append(String.format("%nHeap after a full GC (jcmd GC.run; GC.heap_info), before the rounds: `%s`; after them "
                    + "and %d personal-token exchanges (c and d) in all: `%s`%n", heapBefore, exchanges, heapAfter));
            return md.toString();
        }

        private boolean has(String letter) {
            return rounds.keySet().stream().anyMatch(k -> k.startsWith(letter + " "));
        }

        private void verdict(StringBuilder md, String letter, String name, double target) {
            if (!has(letter)) {
                return;
            }
            double value = throughput(letter + " ") / throughput("a ");
            md.append(String.format("| %s | %.2f | ≥ %.1f | %s |%n", name, value, target, value >= target ? "met" : "missed"));
        }
    }
}
