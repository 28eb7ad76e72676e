package io.github.kcpat.personaltokens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Side-by-side cost of a personal-token exchange and Keycloak's own refresh-token grant, measured
 * in one run against the same server, interleaved round by round so that warm-up and background
 * load hit every contender alike. Not a pass/fail test: it prints a table.
 * Run: {@code mvn verify -Dit.test=ExchangeBenchmarkIT -Dkcpat.bench=true}
 */
@EnabledIfSystemProperty(named = "kcpat.bench", matches = "true")
class ExchangeBenchmarkIT {

    static final int WARMUP = 200;
    static final int ROUNDS = 1000;

    @Test
    void personalTokenExchangeVersusRefreshTokenGrant() {
        TestRealm realm = TestRealm.create("bench");
        realm.createUser("bench", "user");
        String secret = realm.createToken(realm.userToken("bench"), "bench").get("token").asText();
        Http.Res login = Http.postForm(realm.tokenEndpoint(), Map.of("grant_type", "password", "client_id", "it-cli",
                "username", "bench", "password", TestRealm.PASSWORD));
        String refreshToken = login.json().get("refresh_token").asText();

        Map<String, Supplier<Http.Res>> contenders = new LinkedHashMap<>();
        contenders.put("refresh_token grant (Keycloak)", () -> Http.postForm(realm.tokenEndpoint(),
                Map.of("grant_type", "refresh_token", "client_id", "it-cli", "refresh_token", refreshToken)));
        contenders.put("personal token grant", () -> realm.grant(secret));
        contenders.put("personal token /access-token", () -> realm.exchange(secret));

        Map<String, long[]> samples = new LinkedHashMap<>();
        contenders.keySet().forEach(k -> samples.put(k, new long[ROUNDS]));
        for (int i = -WARMUP; i < ROUNDS; i++) {
            for (Map.Entry<String, Supplier<Http.Res>> c : contenders.entrySet()) {
                long start = System.nanoTime();
                Http.Res res = c.getValue().get();
                long elapsed = System.nanoTime() - start;
                assertEquals(200, res.status(), c.getKey() + ": " + res);
                if (i >= 0) {
                    samples.get(c.getKey())[i] = elapsed;
                }
            }
        }
        StringBuilder table = new StringBuilder("\n| request (sequential, 1 client) | mean ms | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|\n");
        samples.forEach((name, ns) -> {
            long[] sorted = ns.clone();
            Arrays.sort(sorted);
            table.append(String.format("| %s | %.2f | %.2f | %.2f | %.2f |%n", name,
                    Arrays.stream(sorted).average().orElse(0) / 1e6, sorted[ROUNDS / 2] / 1e6,
                    sorted[(int) (ROUNDS * 0.95)] / 1e6, sorted[(int) (ROUNDS * 0.99)] / 1e6));
        });
        System.out.println(table);
    }
}
