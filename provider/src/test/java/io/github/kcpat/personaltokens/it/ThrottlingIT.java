package io.github.kcpat.personaltokens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §9.5: a per-address failure budget. Requests come from distinct loopback addresses, as
 * Keycloak sees them: the throttled address gets 429, any other address is untouched.
 */
class ThrottlingIT {

    static final int LIMIT = 30;
    static TestRealm realm;
    static String secret;

    @BeforeAll
    static void setUp() {
        realm = TestRealm.create("throttling");
        realm.createUser("throttled", "user");
        secret = realm.createToken(realm.userToken("throttled"), "valid").get("token").asText();
    }

    static Http.Res exchangeFrom(SourceAddressHttp client, String presented) {
        return client.send("POST", realm.tokensUrl() + "/access-token", null, "X-Refresh-Token", presented);
    }

    static void assertThrottled(Http.Res res) {
        assertEquals(429, res.status(), res.toString());
        assertEquals("temporarily_unavailable", res.json().get("error").asText());
        int retryAfter = Integer.parseInt(res.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= KeycloakServer.FAILURE_WINDOW_SECONDS, "Retry-After " + retryAfter);
        assertEquals("no-store", res.header("Cache-Control"));
    }

    @Test
    void anAddressOverItsBudgetIsThrottledEverywhereUntilItsWindowPasses() {
        String attackerAddress = TestAddresses.next();
        SourceAddressHttp attacker = SourceAddressHttp.from(attackerAddress);
        for (int i = 1; i <= LIMIT; i++) {
            Http.Res refused = exchangeFrom(attacker, "kcpat_guess" + i);
            assertEquals(401, refused.status(), "failure " + i + " is still answered: " + refused);
        }
        assertThrottled(exchangeFrom(attacker, secret));
        assertThrottled(attacker.postForm(realm.tokenEndpoint(),
                "grant_type=urn%3Akeycloak%3Apersonal-token&client_id=personal-tokens&personal_token=" + secret));
        assertThrottled(attacker.send("POST", realm.tokensUrl() + "/self/rotate", null, "X-Refresh-Token", secret));
        assertThrottled(attacker.postForm(realm.tokensUrl() + "/revoke", "token=" + secret));
        assertThrottled(exchangeFrom(attacker, null));

        Http.Res elsewhere = exchangeFrom(SourceAddressHttp.from(TestAddresses.next()), secret);
        assertEquals(200, elsewhere.status(), "another address is not affected: " + elsewhere);

        long throttledEvents = 0;
        for (var e : realm.events("OAUTH2_EXTENSION_GRANT_ERROR")) {
            if (TestRealm.hasDetail(e, "reason", "throttled") && attackerAddress.equals(e.getIpAddress())) {
                throttledEvents++;
            }
        }
        assertEquals(1, throttledEvents, "one throttled event per window");

        KeycloakServer.sleep((KeycloakServer.FAILURE_WINDOW_SECONDS + 1) * 1000L);
        Http.Res after = exchangeFrom(attacker, secret);
        assertEquals(200, after.status(), "the window passed: " + after);
    }

    @Test
    void everyKindOfRefusalCountsAndSuccessesDoNot() {
        SourceAddressHttp client = SourceAddressHttp.from(TestAddresses.next());
        for (int i = 0; i < 2 * LIMIT; i++) {
            assertEquals(200, exchangeFrom(client, secret).status(), "successes are free");
        }
        JsonNode revoked = realm.createToken(realm.userToken("throttled"), "revoked");
        assertEquals(204, Http.delete(realm.tokensUrl() + "/" + revoked.get("id").asText(), realm.userToken("throttled")).status());
        char last = secret.charAt(secret.length() - 1);
        String badChecksum = secret.substring(0, secret.length() - 1) + (last == 'a' ? 'b' : 'a');
        List<Function<SourceAddressHttp, Http.Res>> kinds = List.of(
                c -> exchangeFrom(c, null),
                c -> exchangeFrom(c, "malformed"),
                c -> exchangeFrom(c, badChecksum),
                c -> exchangeFrom(c, revoked.get("token").asText()),
                c -> c.postForm(realm.tokenEndpoint(), "grant_type=urn%3Akeycloak%3Apersonal-token&client_id=personal-tokens"),
                c -> c.send("POST", realm.tokensUrl() + "/self/rotate", null, "X-Refresh-Token", "kcpat_bad"));
        for (int i = 0; i < LIMIT; i++) {
            Http.Res res = kinds.get(i % kinds.size()).apply(client);
            assertTrue(res.status() == 400 || res.status() == 401, i + ": " + res);
        }
        assertThrottled(exchangeFrom(client, secret));
    }

    @Test
    void revokeByValueCountsEveryRequestValidOrNot() {
        SourceAddressHttp scanner = SourceAddressHttp.from(TestAddresses.next());
        for (int i = 0; i < LIMIT; i++) {
            assertEquals(200, scanner.postForm(realm.tokensUrl() + "/revoke", "token=kcpat_unknown" + i).status());
        }
        assertThrottled(scanner.postForm(realm.tokensUrl() + "/revoke", "token=kcpat_unknown"));
    }

    /** Nothing here feeds Keycloak's brute-force detector, so nobody can lock a user out with it. */
    @Test
    void theBruteForceDetectorIsNotFedSoThePasswordStillWorks() {
        TestRealm guarded = TestRealm.create("bruteforce");
        guarded.updateRealm(Map.of("bruteForceProtected", true, "failureFactor", 3, "permanentLockout", false));
        String userId = guarded.createUser("victim", "user");
        String bearer = guarded.userToken("victim");
        JsonNode own = guarded.createToken(bearer, "victim's");
        JsonNode revoked = guarded.createToken(bearer, "victim's revoked");
        assertEquals(204, Http.delete(guarded.tokensUrl() + "/" + revoked.get("id").asText(), bearer).status());
        for (int i = 0; i < 20; i++) {
            SourceAddressHttp sprayer = SourceAddressHttp.from(TestAddresses.next());
            sprayer.send("POST", guarded.tokensUrl() + "/access-token", null, "X-Refresh-Token", revoked.get("token").asText());
            sprayer.send("POST", guarded.tokensUrl() + "/access-token", null, "X-Refresh-Token", "kcpat_guess" + i);
        }
        JsonNode status = Http.get(guarded.adminUrl() + "/attack-detection/brute-force/users/" + userId, guarded.admin()).json();
        assertFalse(status.path("disabled").asBoolean(), status.toString());
        assertEquals(0, status.path("numFailures").asInt(), status.toString());
        guarded.userToken("victim");
        assertEquals(200, guarded.exchange(own.get("token").asText()).status());
    }
}
