package io.github.kcpat.personaltokens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kcpat.personaltokens.secret.TokenFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** DESIGN §9.2: anyone holding a leaked secret can end it, without learning anything. */
class RevokeByValueIT {

    static TestRealm realm;
    static String bearer;

    @BeforeAll
    static void setUp() {
        realm = TestRealm.create("revokebyvalue");
        realm.createUser("leaker", "user");
        bearer = realm.userToken("leaker");
    }

    static JsonNode token(String name) {
        return realm.createToken(bearer, name);
    }

    static void assertRevokedAsReported(JsonNode token, String accessToken) {
        assertEquals(401, realm.exchange(token.get("token").asText()).status());
        assertFalse(realm.introspectActive(accessToken), "access tokens minted before die with it");
        assertEquals(404, Http.get(realm.tokensUrl() + "/" + token.get("id").asText(), bearer).status());
        assertTrue(realm.revokedWithReason(token.get("id").asText(), "reported_exposed"));
    }

    @Test
    void aFormPostRevokesTheTokenAndAnswersEmpty() {
        JsonNode t = token("form");
        String accessToken = realm.accessToken(t.get("token").asText());
        Http.Res res = realm.revokeByValue(t.get("token").asText());
        assertEquals(200, res.status(), res.toString());
        assertEquals("", res.body());
        assertEquals("no-store", res.header("Cache-Control"));
        assertRevokedAsReported(t, accessToken);
        // Again, and for nonsense: the same answer, so the endpoint reveals nothing.
        assertEquals(200, realm.revokeByValue(t.get("token").asText()).status());
        assertEquals(200, realm.revokeByValue(TokenFormat.generate("kcpat_")).status());
        assertEquals(200, realm.revokeByValue("not-a-token").status());
    }

    @Test
    void aJsonListRevokesEveryTokenInIt() {
        JsonNode a = token("json a");
        JsonNode b = token("json b");
        String accessA = realm.accessToken(a.get("token").asText());
        String accessB = realm.accessToken(b.get("token").asText());
        Http.Res res = Http.postJson(realm.tokensUrl() + "/revoke", null,
                Map.of("tokens", List.of(a.get("token").asText(), "garbage", b.get("token").asText())));
        assertEquals(200, res.status(), res.toString());
        assertRevokedAsReported(a, accessA);
        assertRevokedAsReported(b, accessB);
    }

    @Test
    void gitHubSecretScanningFindingsRevokeTheirTokens() {
        JsonNode t = token("scanned");
        String accessToken = realm.accessToken(t.get("token").asText());
        Http.Res res = Http.postJson(realm.tokensUrl() + "/revoke", null, List.of(Map.of(
                "token", t.get("token").asText(), "type", "kcpat_personal_token",
                "url", "https://github.com/acme/app/blob/main/.env", "source", "content")));
        assertEquals(200, res.status(), res.toString());
        assertRevokedAsReported(t, accessToken);
    }

    @Test
    void aTokenIsRevokedWhicheverRealmsUrlReceivesIt() {
        TestRealm other = TestRealm.create("revokebyvalue-other");
        JsonNode t = token("elsewhere");
        String accessToken = realm.accessToken(t.get("token").asText());
        assertEquals(200, other.revokeByValue(t.get("token").asText()).status());
        assertRevokedAsReported(t, accessToken);
    }

    @Test
    void aRetiredSecretRevokesItsToken() {
        JsonNode t = token("rotated then reported");
        String old = t.get("token").asText();
        Http.Res rotated = Http.send("POST", realm.tokensUrl() + "/" + t.get("id").asText() + "/rotate", bearer, null, null);
        assertEquals(200, rotated.status(), rotated.toString());
        String fresh = rotated.json().get("token").asText();
        assertEquals(200, realm.revokeByValue(old).status());
        assertEquals(401, realm.exchange(fresh).status(), "the token of a reported old secret is revoked");
        assertTrue(realm.revokedWithReason(t.get("id").asText(), "reported_exposed"));
    }

    static Stream<Arguments> badRequests() {
        List<String> tooMany = new ArrayList<>(Collections.nCopies(1001, "kcpat_x"));
        return Stream.of(
                Arguments.of("form without token", "application/x-www-form-urlencoded", "token_type_hint=access_token"),
                Arguments.of("form with an empty token", "application/x-www-form-urlencoded", "token="),
                Arguments.of("form with two tokens", "application/x-www-form-urlencoded", "token=a&token=b"),
                Arguments.of("json without tokens", "application/json", "{}"),
                Arguments.of("json with an empty list", "application/json", "{\"tokens\": []}"),
                Arguments.of("json with 1001 tokens", "application/json", Http.toJson(Map.of("tokens", tooMany))),
                Arguments.of("json with a number", "application/json", "{\"tokens\": [42]}"),
                Arguments.of("json with tokens not a list", "application/json", "{\"tokens\": \"kcpat_x\"}"),
                Arguments.of("json array without token", "application/json", "[{\"type\": \"x\"}]"),
                Arguments.of("json array of strings", "application/json", "[\"kcpat_x\"]"),
                Arguments.of("an empty json array", "application/json", "[]"),
                Arguments.of("json that does not parse", "application/json", "{\"tokens\": ["),
                Arguments.of("a json string", "application/json", "\"kcpat_x\""),
                Arguments.of("plain text", "text/plain", "kcpat_x"),
                Arguments.of("no content type", null, "token=kcpat_x"),
                Arguments.of("a body over 256 KB", "application/json",
                        Http.toJson(Map.of("tokens", List.of("x".repeat(300 * 1024))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void malformedReportsAreInvalidRequests(String label, String contentType, String body) {
        Http.Res res = SourceAddressHttp.from(TestAddresses.next()).send("POST", realm.tokensUrl() + "/revoke", body,
                contentType == null ? new String[0] : new String[] {"Content-Type", contentType});
        assertEquals(400, res.status(), label + " -> " + res);
        assertEquals("invalid_request", res.json().get("error").asText());
        assertEquals("no-store", res.header("Cache-Control"));
    }
}
