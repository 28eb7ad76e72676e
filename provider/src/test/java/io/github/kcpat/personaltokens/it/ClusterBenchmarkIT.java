package io.github.kcpat.personaltokens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 13, "Cluster" and "lastUsedAt writes": two Keycloak nodes on one PostgreSQL database
 * (the setup of PostgresClusterIT, both on this build). First the X-Refresh-Token exchange and
 * Keycloak's refresh_token grant, each against node A alone and against both nodes at once, in
 * interleaved rounds, with the JGroups messages the nodes sent meanwhile; then one token paced at
 * {@value #RATE} requests a second over both nodes, with PostgreSQL's own update counters of the
 * token table and of the offline session tables around it. Writes docs/bench/cluster.md and
 * cluster.json. Run: {@code bash provider/src/test/bench/run.sh}
 */
@EnabledIfSystemProperty(named = "kcpat.bench", matches = "true")
class ClusterBenchmarkIT {

    static final String DATABASE = "kcpat_bench_cluster";
    static final int RATE = 100;
    static final int PACED_SECONDS = Integer.getInteger("kcpat.bench.pacedSeconds", 130);
    /** Longer than PostgreSQL's idle flush of a backend's pending table statistics (10 s). */
    static final int STATS_SETTLE_SECONDS = 12;
    static final List<String> TABLES = List.of("kcpat_personal_token", "offline_client_session", "offline_user_session");
    /** Messages sent by each node's JGroups transport (TCP), from Keycloak's /metrics. */
    static final Pattern SENT = Pattern.compile("(?m)^(vendor_jgroups_tcp_[a-z_]*num_msgs_sent)\\{[^}]*} ([0-9.eE+]+)$");
    static final Set<String> COUNTED = new ConcurrentSkipListSet<>();

    static final ExecutorService WRK = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "wrk");
        t.setDaemon(true);
        return t;
    });

    static final String HOSTNAME = "http://kcpat-bench.test";
    static final String SHARED = "a refresh_token grant, one session (made on A)";
    static final String PER_NODE = "a2 refresh_token grant, a session per node";
    static final String EXCHANGE = "d X-Refresh-Token exchange (token made on A)";
    static final HttpClient METRICS = HttpClient.newHttpClient();

    static final String ONE = "node A alone (wrk -t2 -c8)";
    static final String BOTH = "A and B at once (wrk -t1 -c4 on each)";

    @Test
    void exchangeScalesLikeTheRefreshGrantAndWritesTheTokenRowOnceAMinute() throws IOException {
        PostgresCluster.ensureDatabase(DATABASE);
        // One hostname for both nodes, so that they are one issuer and a refresh token works on either.
        String[] options = {"--metrics-enabled=true", "--hostname=" + HOSTNAME};
        KeycloakServer a = KeycloakServer.launchForBenchmark("bench-cluster-a", PostgresCluster.nodeCommand(DATABASE, options));
        KeycloakServer b = KeycloakServer.launchForBenchmark("bench-cluster-b", PostgresCluster.nodeCommand(DATABASE, options));
        try {
            run(a, b);
        } finally {
            b.stop();
            a.stop();
        }
    }

    private void run(KeycloakServer a, KeycloakServer b) throws IOException {
        TestRealm onA = TestRealm.create(a, "bench-cluster");
        TestRealm onB = onA.on(b);
        onA.createUser("bench", "user");
        String secret = onA.createToken(onA.userToken("bench"), "bench").get("token").asText();
        // The shared session is owned by A; each per-node session by the node that made it.
        Map<KeycloakServer, String> refreshTokens = new LinkedHashMap<>();
        for (TestRealm node : List.of(onA, onB)) {
            refreshTokens.put(node.server, Http.postForm(node.tokenEndpoint(), Map.of("grant_type", "password",
                    "client_id", "it-cli", "username", "bench", "password", TestRealm.PASSWORD)).json().get("refresh_token").asText());
        }

        Map<String, Function<TestRealm, Wrk.Request>> contenders = new LinkedHashMap<>();
        contenders.put(SHARED, r -> refresh(r, refreshTokens.get(a)));
        contenders.put(PER_NODE, r -> refresh(r, refreshTokens.get(r.server)));
        Function<TestRealm, Wrk.Request> exchange = r -> new Wrk.Request("POST", r.tokensUrl() + "/access-token",
                null, "X-Refresh-Token", secret);
        contenders.put(EXCHANGE, exchange);

        for (Map.Entry<String, Function<TestRealm, Wrk.Request>> c : contenders.entrySet()) {
            for (TestRealm node : List.of(onA, onB)) {
                Wrk.Result warm = Wrk.run(c.getValue().apply(node), LoadBenchmarkIT.WARMUP_SECONDS);
                // Answers must be right; socket timeouts (wrk's 2 s) can happen while the shared machine is busy.
                assertEquals(0, warm.non2xx(), c.getKey() + " failed during warm-up on " + node.server.baseUrl() + ": " + warm);
            }
        }
        Map<String, Map<String, List<Run>>> rounds = new LinkedHashMap<>();
        for (int round = 0; round < LoadBenchmarkIT.ROUNDS; round++) {
            for (Map.Entry<String, Function<TestRealm, Wrk.Request>> c : contenders.entrySet()) {
                Map<String, List<Run>> settings = rounds.computeIfAbsent(c.getKey(), k -> new LinkedHashMap<>());
                settings.computeIfAbsent(ONE, k -> new ArrayList<>()).add(measure(List.of(onA), c.getValue(), a, b));
                settings.computeIfAbsent(BOTH, k -> new ArrayList<>()).add(measure(List.of(onA, onB), c.getValue(), a, b));
            }
        }

        // Where the exchange's time goes on the node that does not hold the token's session.
        long sentBefore = clusterMessages(a, b);
        Path recording = Path.of(System.getProperty("kcpat.workDir"), "cluster-exchange-b.collapsed");
        String profile = ExchangeProfile.record(b.javaPid(), exchange.apply(onB), LoadBenchmarkIT.SECONDS, recording).markdown();
        long profiledSent = clusterMessages(a, b) - sentBefore;

        Paced paced = paced(onA, onB);

        String md = markdown(rounds, paced) + String.format("%n## Profile of the exchange on node B alone (wrk -t2 -c8, %d s)%n%n"
                + "JGroups messages sent by both nodes meanwhile: %d.%n%n", LoadBenchmarkIT.SECONDS, profiledSent) + profile;
        System.out.println(md);
        Path dir = Path.of(System.getProperty("kcpat.repoRoot"), "docs/bench");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("cluster.md"), md);
        Files.writeString(dir.resolve("cluster.json"), Http.JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(Map.of("rounds", rounds, "lastUsedAt", paced)));
    }

    private static Wrk.Request refresh(TestRealm node, String refreshToken) {
        return new Wrk.Request("POST", node.tokenEndpoint(), Http.formBody(Map.of(
                "grant_type", "refresh_token", "client_id", "it-cli", "refresh_token", refreshToken)), null, null);
    }

    /** One wrk run per node, in parallel, with the same total threads and connections in every setting. */
    record Run(long requests, double throughput, double p50Ms, double p99Ms, long errors, long clusterMessages) {

        double messagesPerRequest() {
            return requests == 0 ? 0 : (double) clusterMessages / requests;
        }
    }

    private static Run measure(List<TestRealm> nodes, Function<TestRealm, Wrk.Request> request, KeycloakServer... all) {
        int n = nodes.size();
        long sentBefore = clusterMessages(all);
        // Not the common pool: on 2 cores its one thread would run the two wrk processes in turn.
        List<CompletableFuture<Wrk.Result>> runs = nodes.stream().map(node -> CompletableFuture.supplyAsync(() ->
                Wrk.run(request.apply(node), LoadBenchmarkIT.SECONDS, Wrk.THREADS / n, Wrk.CONNECTIONS / n), WRK)).toList();
        List<Wrk.Result> results = runs.stream().map(CompletableFuture::join).toList();
        long sent = clusterMessages(all) - sentBefore;
        // Latency percentiles: those of the slower node (wrk's histograms are not merged).
        return new Run(results.stream().mapToLong(Wrk.Result::requests).sum(),
                results.stream().mapToDouble(Wrk.Result::throughput).sum(),
                results.stream().mapToDouble(Wrk.Result::p50Ms).max().orElseThrow(),
                results.stream().mapToDouble(Wrk.Result::p99Ms).max().orElseThrow(),
                results.stream().mapToLong(Wrk.Result::errors).sum(), sent);
    }

    /** JGroups messages sent so far, summed over the nodes. */
    static long clusterMessages(KeycloakServer... nodes) {
        long sum = 0;
        for (KeycloakServer node : nodes) {
            String body = metrics(node);
            Matcher m = SENT.matcher(body);
            boolean found = false;
            while (m.find()) {
                COUNTED.add(m.group(1));
                sum += (long) Double.parseDouble(m.group(2));
                found = true;
            }
            if (!found) {
                throw new IllegalStateException("no JGroups counter in /metrics: " + body.lines()
                        .filter(l -> l.startsWith("vendor_jgroups")).limit(80).toList());
            }
        }
        return sum;
    }

    /** The OpenMetrics text (Http asks for JSON, which /metrics answers with 406). */
    private static String metrics(KeycloakServer node) {
        try {
            HttpResponse<String> res = METRICS.send(HttpRequest.newBuilder(URI.create(node.managementUrl() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, res.statusCode(), "metrics of " + node.baseUrl());
            return res.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the paced phase measured. Table counters: relname → [n_tup_upd, n_tup_hot_upd]. */
    record Paced(long sent, double seconds, Map<Integer, Long> statuses, Map<String, long[]> idleDelta,
            int idleSeconds, Map<String, long[]> loadDelta, List<String> lastUsedAtSeen) {
    }

    /** One token (fresh, so its first use writes) at RATE requests a second, alternating A and B. */
    private static Paced paced(TestRealm onA, TestRealm onB) {
        var token = onA.createToken(onA.userToken("bench"), "paced");
        String secret = token.get("token").asText();
        String id = token.get("id").asText();
        KeycloakServer.sleep(STATS_SETTLE_SECONDS * 1000L);
        Map<String, long[]> start = tableUpdates();
        int idleSeconds = 15;
        KeycloakServer.sleep(idleSeconds * 1000L);
        Map<String, long[]> beforeLoad = tableUpdates();

        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        AtomicLong sent = new AtomicLong();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        Set<Long> seen = new ConcurrentSkipListSet<>();
        TestRealm[] nodes = {onA, onB};
        long t0 = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            TestRealm node = nodes[(int) (sent.getAndIncrement() % 2)];
            senders.execute(() -> {
                int status;
                try {
                    status = node.exchange(secret).status();
                } catch (Throwable e) {
                    status = -1;
                }
                statuses.merge(status, 1L, Long::sum);
            });
        }, 0, 1_000_000 / RATE, TimeUnit.MICROSECONDS);
        poller.scheduleAtFixedRate(() -> {
            String v = PostgresCluster.psql(DATABASE, "select last_used_at from kcpat_personal_token where id = '" + id + "'");
            if (!v.isEmpty()) {
                seen.add(Long.parseLong(v));
            }
        }, 0, 1, TimeUnit.SECONDS);
        KeycloakServer.sleep(PACED_SECONDS * 1000L);
        ticker.shutdown();
        await(ticker);
        double seconds = (System.nanoTime() - t0) / 1e9;
        senders.shutdown();
        await(senders);
        poller.shutdown();
        await(poller);
        KeycloakServer.sleep(STATS_SETTLE_SECONDS * 1000L);
        Map<String, long[]> after = tableUpdates();
        seen.add(Long.parseLong(PostgresCluster.psql(DATABASE, "select last_used_at from kcpat_personal_token where id = '" + id + "'")));
        return new Paced(sent.get(), seconds, new TreeMap<>(statuses), delta(start, beforeLoad), idleSeconds,
                delta(beforeLoad, after), seen.stream().map(ms -> Instant.ofEpochMilli(ms).toString()).toList());
    }

    private static void await(ExecutorService executor) {
        try {
            executor.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, long[]> tableUpdates() {
        Map<String, long[]> counters = new TreeMap<>();
        String rows = PostgresCluster.psql(DATABASE, "select relname, n_tup_upd, n_tup_hot_upd from pg_stat_user_tables where relname in ('"
                + String.join("','", TABLES) + "')");
        rows.lines().map(l -> l.split("\\|")).forEach(c -> counters.put(c[0], new long[] {Long.parseLong(c[1]), Long.parseLong(c[2])}));
        assertEquals(TABLES.size(), counters.size(), "tables in pg_stat_user_tables: " + rows);
        return counters;
    }

    private static Map<String, long[]> delta(Map<String, long[]> from, Map<String, long[]> to) {
        Map<String, long[]> d = new TreeMap<>();
        to.forEach((t, v) -> d.put(t, new long[] {v[0] - from.get(t)[0], v[1] - from.get(t)[1]}));
        return d;
    }

    static double median(List<Run> runs, ToDoubleFunction<Run> f) {
        return LoadBenchmarkIT.Report.medianOf(runs.stream().map(f::applyAsDouble).toList());
    }

    private static double throughput(Map<String, Map<String, List<Run>>> rounds, String contender, String setting) {
        return median(rounds.get(contender).get(setting), Run::throughput);
    }

    private static String markdown(Map<String, Map<String, List<Run>>> rounds, Paced paced) {
        StringBuilder md = new StringBuilder("## Cluster: two nodes on PostgreSQL\n\n");
        md.append(String.format("Two Keycloak 26.7.3 nodes (`start --db=postgres --cache=ispn --metrics-enabled=true --hostname=" + HOSTNAME + "`, JDBC-ping "
                + "discovery on loopback) on one local PostgreSQL, both on this build, on the same machine. "
                + "%d interleaved rounds of %d s per contender and setting after a %d s warm-up per contender and node; "
                + "medians over rounds. Both settings use 2 wrk threads and 8 connections in all; with both nodes, "
                + "req/s and requests are the sums of the two wrk runs and p50/p99 those of the slower node. "
                + "JGroups messages: the sum of %s over both nodes' /metrics, delta over the run, per request.%n%n",
                LoadBenchmarkIT.ROUNDS, LoadBenchmarkIT.SECONDS, LoadBenchmarkIT.WARMUP_SECONDS, COUNTED));
        md.append("| contender | setting | req/s | p50 ms | p99 ms | errors (all rounds) | JGroups msgs per request | req/s per round |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        rounds.forEach((name, settings) -> settings.forEach((setting, runs) -> md.append(String.format(
                "| %s | %s | %.1f | %.2f | %.2f | %d | %.3f | %s |%n", name, setting, median(runs, Run::throughput),
                median(runs, Run::p50Ms), median(runs, Run::p99Ms), runs.stream().mapToLong(Run::errors).sum(),
                median(runs, Run::messagesPerRequest),
                String.join(" / ", runs.stream().map(r -> String.format("%.0f", r.throughput())).toList())))));
        md.append("\n| ratio of throughput | node A alone | both nodes |\n|---|---|---|\n");
        for (String refresh : List.of(SHARED, PER_NODE)) {
            md.append(String.format("| (%s) / (%s) | %.2f | %.2f |%n", EXCHANGE.split(" ")[0], refresh.split(" ")[0],
                    throughput(rounds, EXCHANGE, ONE) / throughput(rounds, refresh, ONE),
                    throughput(rounds, EXCHANGE, BOTH) / throughput(rounds, refresh, BOTH)));
        }
        md.append("\n| scaling, both nodes / node A alone | value |\n|---|---|\n");
        rounds.keySet().forEach(c -> md.append(String.format("| %s | %.2f |%n", c, throughput(rounds, c, BOTH) / throughput(rounds, c, ONE))));
        md.append(String.format("%n## lastUsedAt writes: one token at %d requests/s%n%n", RATE));
        md.append(String.format("A fresh token's X-Refresh-Token exchange, scheduled at a fixed rate of %d/s (a Java scheduler "
                + "handing each request to a pool of 8 senders), alternating nodes A and B: %d requests in %.1f s "
                + "(%.1f/s); answers by status: %s. Update counters from PostgreSQL's `pg_stat_user_tables` "
                + "(`n_tup_upd`, of which `n_tup_hot_upd`), read %d s after the load so that every backend's pending "
                + "statistics are flushed; they count every row update of the table, by anyone.%n%n",
                RATE, paced.sent(), paced.seconds(), paced.sent() / paced.seconds(), paced.statuses(), STATS_SETTLE_SECONDS));
        md.append(String.format("| table | updates during the load | of them HOT | updates in %d s idle before it |%n|---|---|---|---|%n",
                paced.idleSeconds()));
        paced.loadDelta().forEach((t, v) -> md.append(String.format("| %s | %d | %d | %d |%n", t, v[0], v[1], paced.idleDelta().get(t)[0])));
        long writes = paced.loadDelta().get("kcpat_personal_token")[0];
        long allowed = (long) Math.ceil(paced.seconds() / 60.0);
        md.append(String.format("%nToken table: %d row updates for %d uses over %.1f s; target at most one a minute per token "
                + "(≤ %d in this window): %s. Distinct LAST_USED_AT values of the row seen (polled each second, and at the end): %s%n",
                writes, paced.sent(), paced.seconds(), allowed, writes <= allowed ? "met" : "missed", paced.lastUsedAtSeen()));
        return md.toString();
    }
}
