package io.github.kcpat.personaltokens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §11: forward authentication, directly and through a real nginx ({@code auth_request})
 * running the README's config in front of a small upstream. The test server trusts X-Forwarded-For
 * from 127.0.0.1, where nginx connects from, so allowed networks see the real client.
 */
class ForwardAuthIT {

    static TestRealm realm;
    static EchoUpstream upstream;
    static Nginx nginx;
    static String bearer;
    static String secret;
    static String tokenId;

    @BeforeAll
    static void setUp() {
        realm = TestRealm.create("forwardauth");
        realm.createUser("proxied", "user");
        bearer = realm.userToken("proxied");
        JsonNode token = realm.createToken(bearer, "behind nginx");
        secret = token.get("token").asText();
        tokenId = token.get("id").asText();
        upstream = EchoUpstream.start();
        nginx = Nginx.start(realm.server.baseUrl(), realm.name, upstream.port());
    }

    @AfterAll
    static void tearDown() {
        if (nginx != null) {
            nginx.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static Http.Res direct(String query, String... headers) {
        return Http.get(realm.tokensUrl() + "/auth" + query, null, headers);
    }

    static void assertChallenged(Http.Res res) {
        assertEquals(401, res.status(), res.toString());
        assertEquals("Basic realm=\"" + realm.name + "\", charset=\"UTF-8\"", res.header("WWW-Authenticate"));
    }

    @Test
    void basicBearerAndHeaderCredentialsAreAnsweredWithTheIdentity() {
        for (String[] credential : List.of(new String[] {"Authorization", basic("PROXIED", secret)},
                new String[] {"Authorization", "Bearer " + secret}, new String[] {"X-Refresh-Token", secret})) {
            Http.Res res = direct("", credential);
            assertEquals(200, res.status(), credential[1].substring(0, 6) + " -> " + res);
            assertEquals("", res.body());
            assertEquals("no-store", res.header("Cache-Control"));
            assertEquals("proxied", res.header("X-Auth-Request-User"));
            assertEquals("proxied@example.test", res.header("X-Auth-Request-Email"));
            assertEquals(realm.userId("proxied"), res.header("X-Auth-Request-User-Id"));
            assertEquals("api:read api:write", res.header("X-Auth-Request-Scopes"));
            assertEquals(tokenId, res.header("X-Auth-Request-Token-Id"));
        }
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            assertEquals(200, Http.send(method, realm.tokensUrl() + "/auth", null, null, null, "Authorization", "Bearer " + secret).status(), method);
        }
        JsonNode used = Http.get(realm.tokensUrl() + "/" + tokenId, bearer).json();
        assertFalse(used.get("lastUsedAt").isNull(), "a check counts as a use");
    }

    @Test
    void refusalsAreChallengesAndAMissingScopeIsForbidden() {
        assertChallenged(direct(""));
        assertChallenged(direct("", "Authorization", "Bearer kcpat_bad"));
        assertChallenged(direct("", "Authorization", basic("someone-else", secret)));
        assertChallenged(direct("", "Authorization", "Basic !!!"));
        assertChallenged(direct("", "Authorization", "Bearer garbage", "X-Refresh-Token", secret));
        Http.Res forbidden = direct("?scope=api:read+api:admin", "Authorization", "Bearer " + secret);
        assertEquals(403, forbidden.status(), forbidden.toString());
        assertEquals("insufficient_scope", forbidden.json().get("error").asText());
        assertEquals(200, direct("?scope=api:read,api:write&scope=api:read", "Authorization", "Bearer " + secret).status());
        assertEquals(200, direct("?scope=", "Authorization", "Bearer " + secret).status());
        assertEquals(403, direct("?scope=API:READ", "Authorization", "Bearer " + secret).status(), "scopes are case-sensitive");
    }

    @Test
    void successesFireNoEventAndRefusalsFireTheExchangeErrorEvent() {
        JsonNode token = realm.createToken(bearer, "audited check");
        assertEquals(200, direct("", "Authorization", "Bearer " + token.get("token").asText()).status());
        for (var e : realm.events("OAUTH2_EXTENSION_GRANT")) {
            assertFalse(TestRealm.hasDetail(e, "personal_token_id", token.get("id").asText()), "no event for a check");
        }
        direct("?scope=nope", "Authorization", "Bearer " + token.get("token").asText());
        boolean logged = false;
        for (var e : realm.events("OAUTH2_EXTENSION_GRANT_ERROR")) {
            logged |= TestRealm.hasDetail(e, "personal_token_id", token.get("id").asText()) && TestRealm.hasDetail(e, "reason", "missing_scope");
        }
        assertTrue(logged);
    }

    @Test
    void throughNginxAValidTokenReachesTheUpstreamWithItsUser() {
        SourceAddressHttp client = SourceAddressHttp.from("127.0.0.1");
        for (String method : List.of("GET", "POST")) {
            for (String authorization : List.of(basic("proxied", secret), "Bearer " + secret)) {
                Http.Res res = client.send(method, nginx.url("/orders"), method.equals("POST") ? "{}" : null, "Authorization", authorization);
                assertEquals(200, res.status(), method + " " + res);
                assertTrue(res.body().contains("user=proxied"), res.body());
                assertTrue(res.body().contains("method=" + method), res.body());
            }
        }
    }

    @Test
    void throughNginxRefusedTokensAreChallengedAndAMissingScopeIs403() {
        SourceAddressHttp client = SourceAddressHttp.from("127.0.0.1");
        JsonNode revoked = realm.createToken(bearer, "revoked behind nginx");
        assertEquals(204, Http.delete(realm.tokensUrl() + "/" + revoked.get("id").asText(), bearer).status());
        JsonNode rotated = realm.createToken(bearer, "rotated behind nginx");
        assertEquals(200, Http.send("POST", realm.tokensUrl() + "/" + rotated.get("id").asText() + "/rotate", bearer, null, null).status());
        for (String authorization : List.of("", "Bearer " + revoked.get("token").asText(), "Bearer " + rotated.get("token").asText(),
                basic("not-proxied", secret))) {
            Http.Res res = authorization.isEmpty() ? client.get(nginx.url("/orders")) : client.get(nginx.url("/orders"), "Authorization", authorization);
            assertEquals(401, res.status(), authorization + " -> " + res);
            assertTrue(res.header("WWW-Authenticate").startsWith("Basic realm=\"" + realm.name + "\""), res.headers().toString());
            assertFalse(res.body().contains("user="), "the upstream was not reached");
        }
        Http.Res admin = client.get(nginx.url("/admin/users"), "Authorization", "Bearer " + secret);
        assertEquals(403, admin.status(), admin.toString());
    }

    @Test
    void throughNginxAllowedNetworksSeeTheRealClient() {
        JsonNode fenced = realm.createToken(bearer, Map.of("name", "only from 127.0.0.2", "allowedNetworks", List.of("127.0.0.2/32")));
        String fencedSecret = fenced.get("token").asText();
        Http.Res allowed = SourceAddressHttp.from("127.0.0.2").get(nginx.url("/orders"), "Authorization", "Bearer " + fencedSecret);
        assertEquals(200, allowed.status(), allowed.toString());
        Http.Res refused = SourceAddressHttp.from("127.0.0.3").get(nginx.url("/orders"), "Authorization", "Bearer " + fencedSecret);
        assertEquals(401, refused.status(), refused.toString());
        assertNull(refused.header("X-Auth-Request-User"));
    }

    @Test
    void aThrottledAddressIsChallengedWithRetryAfter() {
        SourceAddressHttp attacker = SourceAddressHttp.from(TestAddresses.next());
        for (int i = 0; i < 30; i++) {
            assertEquals(401, attacker.get(realm.tokensUrl() + "/auth", "Authorization", "Bearer kcpat_guess" + i).status());
        }
        Http.Res throttled = attacker.get(realm.tokensUrl() + "/auth", "Authorization", "Bearer " + secret);
        assertEquals(401, throttled.status(), "proxies pass only 401 and 403: " + throttled);
        assertTrue(Integer.parseInt(throttled.header("Retry-After")) >= 1, throttled.headers().toString());
        assertEquals("temporarily_unavailable", throttled.json().get("error").asText());
    }
}
