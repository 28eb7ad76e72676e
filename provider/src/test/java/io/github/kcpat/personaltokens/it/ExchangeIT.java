package io.github.kcpat.personaltokens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kcpat.personaltokens.secret.TokenFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The exchange, at both endpoints, and what the minted access tokens carry. */
class ExchangeIT {

    static TestRealm realm;
    static String userId;
    static String userToken;

    @BeforeAll
    static void setUp() {
        realm = TestRealm.create("exchange");
        userId = realm.createUser("erin", "user");
        userToken = realm.userToken("erin");
    }

    @Test
    void restExchangeMintsAStandardAccessTokenTiedToTheOfflineSession() {
        JsonNode created = realm.createToken(userToken, "ci");
        String secret = created.get("token").asText();

        Http.Res res = realm.exchange(secret);
        assertEquals(200, res.status(), res.toString());
        assertEquals("no-store", res.header("Cache-Control"));
        JsonNode body = res.json();
        assertEquals("Bearer", body.get("token_type").asText());
        assertEquals("api:read api:write", body.get("scope").asText());
        assertTrue(body.get("expires_in").asInt() > 0);
        assertNull(body.get("refresh_token"));

        JsonNode claims = TestRealm.claims(body.get("access_token").asText());
        assertEquals("personal-tokens", claims.get("azp").asText());
        assertEquals(realm.url(), claims.get("iss").asText());
        assertEquals("Bearer", claims.get("typ").asText());
        assertEquals(userId, claims.get("sub").asText());
        assertEquals(created.get("id").asText(), claims.get("personal_token_id").asText());
        assertEquals("api:read api:write", claims.get("scope").asText());
        assertNotNull(claims.get("sid"));
        assertTrue(realm.introspectActive(body.get("access_token").asText()));
    }

    @Test
    void tokenEndpointGrantUsesTheSameCodePath() {
        String secret = realm.createToken(userToken, "grant").get("token").asText();
        Http.Res res = realm.grant(secret);
        assertEquals(200, res.status(), res.toString());
        assertEquals("api:read api:write", res.json().get("scope").asText());
        assertEquals("no-store", res.header("Cache-Control"));
    }

    @Test
    void getAlsoExchanges() {
        String secret = realm.createToken(userToken, "get").get("token").asText();
        Http.Res res = Http.get(realm.tokensUrl() + "/access-token", null, "X-Refresh-Token", secret);
        assertEquals(200, res.status(), res.toString());
    }

    @Test
    void discoveryListsTheGrant() {
        Http.Res res = Http.get(realm.url() + "/.well-known/openid-configuration", null);
        assertEquals(200, res.status());
        boolean listed = false;
        for (JsonNode g : res.json().get("grant_types_supported")) {
            listed |= g.asText().equals("urn:keycloak:personal-token");
        }
        assertTrue(listed, res.body());
    }

    @Test
    void missingHeaderIsInvalidRequest() {
        Http.Res res = Http.send("POST", realm.tokensUrl() + "/access-token", null, null, null);
        assertEquals(400, res.status(), res.toString());
        assertEquals("invalid_request", res.json().get("error").asText());
    }

    /** A live token of erin's: no refused attempt below may lock it out. */
    static String victim;

    static Stream<Named<String>> refusedTokens() {
        victim = realm.createToken(userToken, "victim " + System.nanoTime()).get("token").asText();
        char last = victim.charAt(victim.length() - 1);
        String badChecksum = victim.substring(0, victim.length() - 1) + (last == 'a' ? 'b' : 'a');
        JsonNode revoked = realm.createToken(userToken, "revoked " + System.nanoTime());
        assertEquals(204, Http.delete(realm.tokensUrl() + "/" + revoked.get("id").asText(), userToken).status());
        return Stream.of(
                Named.of("garbage", "garbage"),
                Named.of("prefix only", "kcpat_"),
                Named.of("bad checksum", badChecksum),
                Named.of("well-formed, never issued", TokenFormat.generate("kcpat_")),
                Named.of("revoked", revoked.get("token").asText()),
                Named.of("5000 characters", "x".repeat(5000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void malformedUnknownRevokedAndBadChecksumTokensAreRefused(String bad) {
        Http.Res rest = realm.exchange(bad);
        assertEquals(401, rest.status(), rest.toString());
        assertEquals("invalid_token", rest.json().get("error").asText());
        assertEquals("no-store", rest.header("Cache-Control"));
        Http.Res grant = realm.grant(bad.length() > 1000 ? bad.substring(0, 1000) : bad);
        assertEquals(400, grant.status(), grant.toString());
        assertEquals("invalid_grant", grant.json().get("error").asText());
        // The victim still works: bad attempts do not lock out its owner.
        assertEquals(200, realm.exchange(victim).status());
    }

    @Test
    void wrongClientCannotUseTheGrant() {
        String secret = realm.createToken(userToken, "wrong-client").get("token").asText();
        Http.Res res = Http.postForm(realm.tokenEndpoint(), Map.of("grant_type", "urn:keycloak:personal-token",
                "client_id", "it-cli", "personal_token", secret));
        assertEquals(400, res.status(), res.toString());
        assertFalse(res.body().contains(secret));
    }
}
