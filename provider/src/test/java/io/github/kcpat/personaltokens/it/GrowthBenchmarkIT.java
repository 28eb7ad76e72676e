package io.github.kcpat.personaltokens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kcpat.personaltokens.it.LoadBenchmarkIT.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How the endpoints behave as a realm grows to 1,000, 10,000 and 100,000 personal tokens, each
 * with a real backing session (seeded through the test-only {@code kcpat-testing/seed-tokens}),
 * measured with wrk in interleaved rounds at each size ({@link WrkRounds}), beside a second realm
 * that stays at 1,000 tokens (the same moment's reference, which a noisy host cannot skew); the
 * search, which reads the whole realm, in rounds of its own, each followed by a round of the list;
 * the exchange and the list again one request at a time; the collector's pauses in every round;
 * the heap after a full GC at the first and the last size; and the cost of creating a token for a
 * user holding one token against a user holding 200, through the real account API. Appends a
 * Growth section to docs/bench/report.md and
 * writes docs/bench/growth.json and docs/bench/growth-*.png. Sizes: {@code -Dkcpat.bench.sizes}.
 */
@EnabledIfSystemProperty(named = "kcpat.bench", matches = "true")
class GrowthBenchmarkIT {

    static final List<Integer> SIZES = Arrays.stream(System.getProperty("kcpat.bench.sizes", "1000,10000,100000")
            .split(",")).map(String::strip).map(Integer::valueOf).toList();
    static final int ROUNDS = Integer.getInteger("kcpat.bench.growth.rounds", 3);
    static final int SECONDS = Integer.getInteger("kcpat.bench.growth.seconds", 6);
    static final int WARMUP_SECONDS = 3;
    /** The first size also warms the server's JIT, which the other sizes find warm. */
    static final int FIRST_WARMUP_SECONDS = 20;
    /** The longest wait for the server to go idle after a growth step. */
    static final int SETTLE_MAX_SECONDS = 300;
    static final int CREATIONS = Integer.getInteger("kcpat.bench.creations", 100);
    static final int TOKENS_PER_USER = 100;
    /** 200 tokens per seeding request: one request stays well inside the HTTP client's 30 s. */
    static final int USERS_PER_BATCH = 2;
    static final int HEAVY_TOKENS = 200;

    static final String EXCHANGE = "X-Refresh-Token exchange";
    static final String FORWARD = "forward auth";
    static final String LIST = "admin list, first page";
    static final String SEARCH = "admin search by name";
    static final String UNUSED = "admin list, unusedForDays=30";
    static final String LIST_AFTER_SEARCH = "admin list, first page, after a search round";
    static final String CONTROL_EXCHANGE = "X-Refresh-Token exchange, 1,000-token realm";
    static final String CONTROL_LIST = "admin list, first page, 1,000-token realm";
    static final int CONTROL_TOKENS = 1000;
    static final String ONE_CONNECTION = ", 1 connection";

    @Test
    void growth() throws IOException {
        BenchmarkServer.inFreshRealm("bench-growth", "growth", this::measure);
    }

    private void measure(TestRealm realm) throws IOException {
        // Room for the heavy user's 200 tokens plus the measured creations; step-up stays as it is.
        Http.Res policy = Http.putJson(realm.adminUrl() + "/personal-tokens/policy", realm.admin(),
                Map.of("maxTokensPerUser", HEAVY_TOKENS + 10));
        assertEquals(204, policy.status(), policy.toString());
        long pid = realm.server.javaPid();
        Path dir = Path.of(System.getProperty("kcpat.repoRoot"), "docs/bench");
        Files.createDirectories(dir);

        Seeder seeder = new Seeder(realm);
        TestRealm control = TestRealm.create(realm.server, "growth-control");
        String controlSecret = new Seeder(control).growTo(CONTROL_TOKENS);
        Map<Integer, Step> steps = new LinkedHashMap<>();
        Map<Integer, String> heap = new LinkedHashMap<>();
        Map<Integer, String> histograms = new LinkedHashMap<>();
        String secret = null;
        for (int size : SIZES) {
            String sample = seeder.growTo(size);
            secret = secret == null ? sample : secret;
            // Measured, not assumed: whether H2 or Keycloak go on working after the last insert.
            double settle = ServerCpu.awaitIdle(pid, SETTLE_MAX_SECONDS);
            Map<String, Supplier<Wrk.Request>> contenders = contenders(realm, secret, control, controlSecret);
            Supplier<Wrk.Request> search = () -> admin(realm, firstPage(realm) + "&search=g0-1-7");
            Map<String, Supplier<Wrk.Request>> warmed = new LinkedHashMap<>(contenders);
            warmed.put(SEARCH, search);
            for (Map.Entry<String, Supplier<Wrk.Request>> c : warmed.entrySet()) {
                Wrk.Result warm = Wrk.run(c.getValue().get(), size == SIZES.get(0) ? FIRST_WARMUP_SECONDS : WARMUP_SECONDS);
                // At the first size an error is the harness's; later ones (timeouts) are results.
                if (size == SIZES.get(0)) {
                    assertEquals(0, warm.errors(), c.getKey() + " at " + size + " failed during warm-up: " + warm);
                }
            }
            WrkRounds loaded = new WrkRounds(pid, SECONDS).interleave(contenders, ROUNDS);
            // The search reads every row of the realm; kept out of the rounds above so that what it
            // leaves behind (H2's page cache, the heap) shows in a list round of its own.
            for (int round = 0; round < ROUNDS; round++) {
                loaded.run(SEARCH, search);
                loaded.run(LIST_AFTER_SEARCH, contenders.get(LIST));
            }
            // One request at a time: the request's own latency, with no queue behind a collector pause.
            Map<String, Supplier<Wrk.Request>> single = new LinkedHashMap<>();
            for (String name : List.of(EXCHANGE, LIST, CONTROL_EXCHANGE, CONTROL_LIST)) {
                single.put(name + ONE_CONNECTION, contenders.get(name));
            }
            WrkRounds unsaturated = new WrkRounds(pid, SECONDS, 1).interleave(single, ROUNDS);
            steps.put(size, new Step(settle, loaded, unsaturated));
            // Written after every size, so that a run cut short keeps what it measured.
            Files.writeString(dir.resolve("growth.json"), Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                    Map.of("sizes", json(steps))));
            if (size == SIZES.get(0) || size == SIZES.get(SIZES.size() - 1)) {
                heap.put(size, JvmHeap.afterFullGc(pid));
                histograms.put(size, JvmHeap.largestClasses(pid, 20));
            }
        }
        Creation creation = new Creation(realm).measure();

        GrowthReport report = new GrowthReport(steps, heap, seeder, creation);
        plot(dir.resolve("growth-exchange.png"), "X-Refresh-Token exchange: latency vs tokens in the realm", steps,
                List.of(EXCHANGE, CONTROL_EXCHANGE, EXCHANGE + ONE_CONNECTION));
        plot(dir.resolve("growth-admin-list.png"), "Admin list, first page (max=20): latency vs tokens in the realm", steps,
                List.of(LIST, CONTROL_LIST, LIST + ONE_CONNECTION));
        plot(dir.resolve("growth-all-p99.png"), "p99 latency of every growth contender", steps,
                List.copyOf(steps.get(SIZES.get(0)).results().keySet()));
        StringBuilder md = new StringBuilder(report.markdown());
        histograms.forEach((size, top) -> md.append(String.format(
                "%n#### Largest classes on the heap at %d tokens (jcmd GC.class_histogram, after its full GC)%n%n```%n%s%n```%n", size, top)));
        System.out.println(md);
        ReportFile.replaceSection(dir.resolve("report.md"), GrowthReport.HEADING, md.toString());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sizes", json(steps));
        json.put("heapAfterFullGc", heap);
        json.put("seeding", Map.of("tokens", seeder.seeded, "seconds", seeder.seconds, "tokensPerSecond", seeder.rate(),
                "secondsPerStep", seeder.steps));
        json.put("creation", Map.of("heavyTokens", HEAVY_TOKENS, "lightMs", creation.lightMs, "heavyMs", creation.heavyMs,
                "lightMedianMs", creation.lightMedianMs(), "heavyMedianMs", creation.heavyMedianMs(),
                "lightP99Ms", creation.lightP99Ms(), "heavyP99Ms", creation.heavyP99Ms()));
        Files.writeString(dir.resolve("growth.json"), Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
    }

    private static Map<String, Supplier<Wrk.Request>> contenders(TestRealm realm, String secret, TestRealm control,
                                                                 String controlSecret) {
        Map<String, Supplier<Wrk.Request>> contenders = new LinkedHashMap<>();
        contenders.put(EXCHANGE, () -> exchange(realm, secret));
        contenders.put(FORWARD, () -> new Wrk.Request("GET", realm.tokensUrl() + "/auth", null, "Authorization", "Bearer " + secret));
        // The master realm's access tokens live a minute: each run fetches its own.
        contenders.put(LIST, () -> admin(realm, firstPage(realm)));
        contenders.put(UNUSED, () -> admin(realm, firstPage(realm) + "&unusedForDays=30"));
        contenders.put(CONTROL_EXCHANGE, () -> exchange(control, controlSecret));
        contenders.put(CONTROL_LIST, () -> admin(control, firstPage(control)));
        return contenders;
    }

    private static String firstPage(TestRealm realm) {
        return realm.adminUrl() + "/personal-tokens?max=20";
    }

    private static Wrk.Request exchange(TestRealm realm, String secret) {
        return new Wrk.Request("POST", realm.tokensUrl() + "/access-token", null, "X-Refresh-Token", secret);
    }

    private static Wrk.Request admin(TestRealm realm, String url) {
        return new Wrk.Request("GET", url, null, "Authorization", "Bearer " + realm.admin());
    }

    private static void plot(Path file, String title, Map<Integer, Step> steps, List<String> names) throws IOException {
        Map<String, double[]> series = new LinkedHashMap<>();
        boolean both = names.size() <= 3;
        for (String name : names) {
            if (both) {
                series.put("p50 " + name, values(steps, name, Wrk.Result::p50Ms));
            }
            series.put("p99 " + name, values(steps, name, Wrk.Result::p99Ms));
        }
        GrowthPlot.write(file, title, SIZES, series);
    }

    private static Map<Integer, Map<String, Object>> json(Map<Integer, Step> steps) {
        Map<Integer, Map<String, Object>> json = new LinkedHashMap<>();
        steps.forEach((size, step) -> json.put(size, step.json()));
        return json;
    }

    static double[] values(Map<Integer, Step> steps, String name, ToDoubleFunction<Wrk.Result> f) {
        return SIZES.stream().mapToDouble(size -> Report.median(steps.get(size).results().get(name), f)).toArray();
    }

    /**
     * What one size measured: the seconds until the server was idle after growing, the rounds under
     * wrk's usual load (the search among them) and the rounds with one connection.
     */
    record Step(double settleSeconds, WrkRounds loaded, WrkRounds unsaturated) {

        /** Every contender's rounds, the loaded ones first. */
        Map<String, List<Wrk.Result>> results() {
            Map<String, List<Wrk.Result>> all = new LinkedHashMap<>(loaded.results);
            all.putAll(unsaturated.results);
            return all;
        }

        /** For growth.json. */
        Map<String, Object> json() {
            Map<String, List<Double>> gcMs = new LinkedHashMap<>(loaded.gcPauseMs());
            gcMs.putAll(unsaturated.gcPauseMs());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("settleSeconds", settleSeconds);
            json.put("results", results());
            json.put("gcPauseMsPerRound", gcMs);
            json.put("idleWaitSecondsPerRound", idleWaits());
            return json;
        }

        List<Double> idleWaits() {
            List<Double> all = new ArrayList<>(loaded.idleWaits);
            all.addAll(unsaturated.idleWaits);
            return all;
        }

        private WrkRounds of(String name) {
            return loaded.results.containsKey(name) ? loaded : unsaturated;
        }

        double gcPauseMs(String name) {
            return Report.medianOf(of(name).gcPauseMs().get(name));
        }

        double youngCollections(String name) {
            return Report.medianOf(of(name).gc.get(name).stream().map(c -> (double) c.youngCount()).toList());
        }

        double meanYoungPauseMs(String name) {
            return of(name).meanYoungPauseMs(name);
        }
    }

    /** Grows the realm through the seeding endpoint, in requests of 1,000 tokens, and times it. */
    static final class Seeder {
        private final TestRealm realm;
        int seeded;
        int batches;
        double seconds;
        /** Seconds per growth step, by the size it grew to. */
        final Map<Integer, Double> steps = new LinkedHashMap<>();

        Seeder(TestRealm realm) {
            this.realm = realm;
        }

        /** Seeds up to {@code size} tokens in all; returns a sample secret of the first request. */
        String growTo(int size) {
            String sample = null;
            long start = System.nanoTime();
            while (seeded < size) {
                int users = Math.min(USERS_PER_BATCH, Math.max(1, (size - seeded) / TOKENS_PER_USER));
                int tokens = Math.min(TOKENS_PER_USER, size - seeded);
                JsonNode answer = realm.seedTokens("g" + batches, users, tokens);
                seeded += answer.get("tokens").asInt();
                batches++;
                sample = sample == null ? answer.get("sampleSecrets").get(0).asText() : sample;
            }
            double took = (System.nanoTime() - start) / 1e9;
            seconds += took;
            steps.put(size, took);
            return sample;
        }

        double rate() {
            return seeded / seconds;
        }

    }

    /**
     * Creation through the account API for a user holding one token and one holding 200, in
     * alternation; each created token is revoked again, so the counts stay where they are.
     */
    static final class Creation {
        private final TestRealm realm;
        final List<Double> lightMs = new ArrayList<>();
        final List<Double> heavyMs = new ArrayList<>();

        Creation(TestRealm realm) {
            this.realm = realm;
        }

        Creation measure() {
            realm.createUser("light-0", "user");
            realm.createUser("heavy-0", "user");
            realm.seedTokens("light", 1, 1);
            realm.seedTokens("heavy", 1, HEAVY_TOKENS);
            String light = null;
            String heavy = null;
            for (int i = 0; i < CREATIONS + 10; i++) {
                // User tokens live five minutes, and step-up wants a recent login: renew them often.
                if (i % 25 == 0) {
                    light = realm.userToken("light-0");
                    heavy = realm.userToken("heavy-0");
                }
                // The first ten of each are a warm-up.
                double l = createAndRevoke(light, "c" + i);
                double h = createAndRevoke(heavy, "c" + i);
                if (i >= 10) {
                    lightMs.add(l);
                    heavyMs.add(h);
                }
            }
            return this;
        }

        private double createAndRevoke(String userToken, String name) {
            long start = System.nanoTime();
            Http.Res res = Http.postJson(realm.tokensUrl(), userToken, Map.of("name", name));
            double ms = (System.nanoTime() - start) / 1e6;
            assertEquals(201, res.status(), res.toString());
            Http.Res revoked = Http.delete(realm.tokensUrl() + "/" + res.json().get("id").asText(), userToken);
            assertEquals(204, revoked.status(), revoked.toString());
            return ms;
        }

        static double percentile(List<Double> values, double p) {
            double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            assertTrue(v.length > 0);
            return v[Math.min(v.length - 1, (int) Math.ceil(p / 100 * v.length) - 1)];
        }

        public double lightMedianMs() {
            return percentile(lightMs, 50);
        }

        public double heavyMedianMs() {
            return percentile(heavyMs, 50);
        }

        public double lightP99Ms() {
            return percentile(lightMs, 99);
        }

        public double heavyP99Ms() {
            return percentile(heavyMs, 99);
        }
    }

    /** The Growth section of the report: one table per size, the flatness ratios, heap, creation. */
    record GrowthReport(Map<Integer, Step> steps, Map<Integer, String> heap, Seeder seeder, Creation creation) {

        static final String HEADING = "## Growth";
        /**
         * Keycloak 26.7.3's embedded cache bounds with persistent user sessions (the default),
         * read from its jars: {@code CacheConfigurator.getCacheConfiguration} and
         * {@code configureSessionsCachesForPersistentSessions} in keycloak-model-infinispan,
         * option names from {@code CachingOptions} in keycloak-config-api.
         */
        static final String CACHE_LIMITS = """
                | cache | option | default max-count |
                |---|---|---|
                | sessions | `cache-embedded-sessions-max-count` | 10000 |
                | clientSessions | `cache-embedded-client-sessions-max-count` | 10000 |
                | offlineSessions | `cache-embedded-offline-sessions-max-count` | 10000 |
                | offlineClientSessions | `cache-embedded-offline-client-sessions-max-count` | 10000 |
                | users | `cache-embedded-users-max-count` | 10000 |
                | realms | `cache-embedded-realms-max-count` | 10000 |
                | authorization | `cache-embedded-authorization-max-count` | 10000 |
                | keys | `cache-embedded-keys-max-count` | 1000 (and max-idle 3600 s) |
                | crl | `cache-embedded-crl-max-count` | 1000 |
                | authenticationSessions, loginFailures, actionTokens | none | unbounded (entries expire) |
                """;

        /** p99 of one contender over another's at the same size, measured in the same rounds. */
        double sameMoment(int size, String name, String reference) {
            Map<String, List<Wrk.Result>> results = steps.get(size).results();
            return Report.median(results.get(name), Wrk.Result::p99Ms) / Report.median(results.get(reference), Wrk.Result::p99Ms);
        }

        String markdown() {
            StringBuilder md = new StringBuilder(HEADING).append("\n\n");
            md.append(String.format("Seeded %d tokens (%d users × up to %d tokens, each with a real offline backing session) "
                    + "through `kcpat-testing/seed-tokens` in %d requests: %.1f s, **%.0f tokens/s** overall.%n%n",
                    seeder.seeded, seeder.seeded / TOKENS_PER_USER, TOKENS_PER_USER, seeder.batches, seeder.seconds, seeder.rate()));
            md.append("| growth step | tokens added | seconds | tokens/s | seconds until the server was idle |\n|---|---|---|---|---|\n");
            int from = 0;
            for (Map.Entry<Integer, Double> step : seeder.steps.entrySet()) {
                md.append(String.format("| %d → %d | %d | %.1f | %.0f | %.1f |%n", from, step.getKey(), step.getKey() - from,
                        step.getValue(), (step.getKey() - from) / step.getValue(), steps.get(step.getKey()).settleSeconds()));
                from = step.getKey();
            }
            md.append("\n");
            md.append(String.format("At each size: wrk -t%d -c%d, a %d s warm-up per contender (%d s at the first size), then %d "
                    + "interleaved rounds of %d s of every contender but the search; then %d rounds of the search, each followed by "
                    + "a round of the list's first page; then %d interleaved rounds of %d s with one connection (`wrk -t1 -c1`: one "
                    + "request at a time, so no request queues behind another or behind a collector pause) of the exchange and the "
                    + "list. %s Medians over rounds. The exchanged and forwarded secret is one token of the first batch; the search "
                    + "is `search=g0-1-7` (one token's name), the filter `unusedForDays=30` (seeded creation times spread over 60 "
                    + "days, so about half match). The contenders marked \"1,000-token realm\" run in a second realm of the same "
                    + "server that was seeded with %d tokens before the first size and never grows. From `jstat -gc` before and "
                    + "after each round: GC ms, the server's collector pause time in the round (median over rounds); young GCs, "
                    + "the young collections in the round (median); mean young pause, their time over their count in all "
                    + "rounds.%n%n", Wrk.THREADS, Wrk.CONNECTIONS, WARMUP_SECONDS, FIRST_WARMUP_SECONDS, ROUNDS, SECONDS, ROUNDS,
                    ROUNDS, SECONDS, WrkRounds.method(), CONTROL_TOKENS));
            md.append("| tokens | contender | req/s | p50 ms | p99 ms | errors (all rounds) | GC ms | young GCs | mean young pause ms |\n"
                    + "|---|---|---|---|---|---|---|---|---|\n");
            steps.forEach((size, step) -> step.results().forEach((name, r) -> md.append(String.format(
                    "| %d | %s | %.1f | %.2f | %.2f | %d | %.0f | %.0f | %.1f |%n", size, name,
                    Report.median(r, Wrk.Result::throughput), Report.median(r, Wrk.Result::p50Ms), Report.median(r, Wrk.Result::p99Ms),
                    r.stream().mapToLong(Wrk.Result::errors).sum(), step.gcPauseMs(name), step.youngCollections(name),
                    step.meanYoungPauseMs(name)))));
            md.append("\n| tokens | wait for idle before a round: median / max s |\n|---|---|\n");
            steps.forEach((size, step) -> md.append(String.format("| %d | %.1f / %.1f |%n", size, Report.medianOf(step.idleWaits()),
                    step.idleWaits().stream().mapToDouble(Double::doubleValue).max().orElse(0))));
            md.append("\nThe same moment's ratios: p99 of the growing realm over p99 of the 1,000-token realm, measured in the "
                    + "same rounds.\n\n| tokens | exchange | list, first page | exchange, 1 connection | list, 1 connection "
                    + "| list after a search round / list |\n|---|---|---|---|---|---|\n");
            for (int size : steps.keySet()) {
                md.append(String.format("| %d | %.2f | %.2f | %.2f | %.2f | %.2f |%n", size, sameMoment(size, EXCHANGE, CONTROL_EXCHANGE),
                        sameMoment(size, LIST, CONTROL_LIST), sameMoment(size, EXCHANGE + ONE_CONNECTION, CONTROL_EXCHANGE + ONE_CONNECTION),
                        sameMoment(size, LIST + ONE_CONNECTION, CONTROL_LIST + ONE_CONNECTION), sameMoment(size, LIST_AFTER_SEARCH, LIST)));
            }
            int first = SIZES.get(0);
            int last = SIZES.get(SIZES.size() - 1);
            List<String> targeted = List.of(EXCHANGE, LIST, EXCHANGE + ONE_CONNECTION, LIST + ONE_CONNECTION);
            md.append(String.format("%n| ratio p99@%d / p99@%d | value | target | verdict |%n|---|---|---|---|%n", last, first));
            for (String name : steps.get(first).results().keySet()) {
                double[] p99 = values(steps, name, Wrk.Result::p99Ms);
                double ratio = p99[p99.length - 1] / p99[0];
                boolean target = targeted.contains(name);
                md.append(String.format("| %s | %.2f | %s | %s |%n", name, ratio, target ? "≤ 1.1" : "(none)",
                        !target ? "-" : ratio <= 1.1 ? "met" : "missed"));
            }
            md.append("\n![exchange](growth-exchange.png)\n![admin list](growth-admin-list.png)\n![all p99](growth-all-p99.png)\n");
            md.append("\n### Heap after a full GC (jcmd GC.run; GC.heap_info)\n\n| tokens | heap |\n|---|---|\n");
            heap.forEach((size, line) -> md.append(String.format("| %d | `%s` |%n", size, line)));
            md.append("\nKeycloak's own bounds on what it keeps in memory (embedded Infinispan, persistent user sessions):\n\n")
                    .append(CACHE_LIMITS);
            md.append(String.format("%n### Creation cost (account API, %d creations each, alternating, after 10 warm-up each; "
                    + "realm at %d tokens)%n%n| user holds | median ms | p99 ms |%n|---|---|---|%n", creation.lightMs.size(), last));
            md.append(String.format("| 1 token | %.2f | %.2f |%n| %d tokens | %.2f | %.2f |%n", creation.lightMedianMs(),
                    creation.lightP99Ms(), HEAVY_TOKENS, creation.heavyMedianMs(), creation.heavyP99Ms()));
            double ratio = creation.heavyMedianMs() / creation.lightMedianMs();
            md.append(String.format("%nRatio of medians (%d tokens / 1 token): %.2f (target ≤ 1.2: %s); of p99: %.2f%n",
                    HEAVY_TOKENS, ratio, ratio <= 1.2 ? "met" : "missed", creation.heavyP99Ms() / creation.lightP99Ms()));
            return md.toString();
        }
    }
}
