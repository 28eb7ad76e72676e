package io.github.kcpat.personaltokens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN §9.3: rotation at the user, self and admin endpoints; the old secret stops at once; a
 * retired secret presented again revokes the token, wherever it is presented.
 */
class RotationIT {

    static TestRealm realm;
    static String bearer;

    @BeforeAll
    static void setUp() {
        realm = TestRealm.create("rotation");
        realm.createUser("rotator", "user");
        realm.createUser("someone-else", "user");
        realm.createUser("rotation-owner");
        realm.grantClientRoles(realm.userId("rotation-owner"), "realm-management", "view-users", "query-users", "manage-users");
        realm.createUser("rotation-viewer");
        realm.grantClientRoles(realm.userId("rotation-viewer"), "realm-management", "view-users", "query-users");
        bearer = realm.userToken("rotator");
    }

    static String rotateUrl(JsonNode token) {
        return realm.tokensUrl() + "/" + token.get("id").asText() + "/rotate";
    }

    static JsonNode rotate(JsonNode token, Object body) {
        Http.Res res = body == null ? Http.send("POST", rotateUrl(token), bearer, null, null)
                : Http.postJson(rotateUrl(token), bearer, body);
        assertEquals(200, res.status(), res.toString());
        assertEquals("no-store", res.header("Cache-Control"));
        return res.json();
    }

    /** Everything but the secret, the session and the expiry stays. */
    static void assertSameTokenNewSecret(JsonNode before, JsonNode after) {
        for (String field : new String[] {"id", "name", "role", "scopes", "createdAt", "assignedBy", "userId", "allowedNetworks"}) {
            assertEquals(before.get(field), after.get(field), field);
        }
        assertNotEquals(before.get("token").asText(), after.get("token").asText());
        assertFalse(after.get("rotatedAt").isNull(), after.toString());
    }

    @Test
    void theUserEndpointRotatesAndTheOldSecretStopsAtOnce() {
        JsonNode before = realm.createToken(bearer, Map.of("name", "user rotated", "expiresInDays", 30));
        String oldAccess = realm.accessToken(before.get("token").asText());
        JsonNode after = rotate(before, null);
        assertSameTokenNewSecret(before, after);
        assertFalse(realm.introspectActive(oldAccess), "access tokens of the old secret die with it");
        assertEquals(200, realm.exchange(after.get("token").asText()).status());
        // Without a body the token keeps the lifetime it had, counted from now.
        Duration lifetime = Duration.between(Instant.parse(after.get("rotatedAt").asText()), Instant.parse(after.get("expiresAt").asText()));
        assertEquals(30, lifetime.toDays());
        JsonNode listed = Http.get(realm.tokensUrl() + "/" + before.get("id").asText(), bearer).json();
        assertEquals(after.get("rotatedAt"), listed.get("rotatedAt"));
        assertTrue(listed.get("token") == null, "the secret is shown once");
    }

    @Test
    void aRotationMayChooseANewLifetimeWithTheRulesOfACreation() {
        JsonNode before = realm.createToken(bearer, "relifed");
        JsonNode after = rotate(before, Map.of("expiresInDays", 7));
        assertEquals(7, Duration.between(Instant.parse(after.get("rotatedAt").asText()),
                Instant.parse(after.get("expiresAt").asText())).toDays());
        Http.Res tooLong = Http.postJson(rotateUrl(after), bearer, Map.of("expiresInDays", 366));
        assertEquals(400, tooLong.status(), tooLong.toString());
        assertEquals("invalid_request", tooLong.json().get("error").asText());
        Http.Res bad = Http.send("POST", rotateUrl(after), bearer, "application/json", "{\"expiresInDays\": 1.5}");
        assertEquals(400, bad.status(), bad.toString());
    }

    @Test
    void selfRotationTakesTheSecretItself() {
        JsonNode before = realm.createToken(bearer, "self rotated");
        Http.Res res = realm.selfRotate(before.get("token").asText());
        assertEquals(200, res.status(), res.toString());
        assertSameTokenNewSecret(before, res.json());
        assertEquals(200, realm.exchange(res.json().get("token").asText()).status());

        Http.Res missing = Http.send("POST", realm.tokensUrl() + "/self/rotate", null, null, null);
        assertEquals(400, missing.status(), missing.toString());
        assertEquals("invalid_request", missing.json().get("error").asText());
        Http.Res bad = realm.selfRotate("kcpat_nonsense");
        assertEquals(401, bad.status(), bad.toString());
        assertEquals("invalid_token", bad.json().get("error").asText());
    }

    @Test
    void theAdminEndpointNeedsManageOnTheUser() {
        JsonNode before = realm.createToken(bearer, "admin rotated");
        String url = realm.adminUrl() + "/personal-tokens/" + before.get("id").asText() + "/rotate";
        assertEquals(403, Http.send("POST", url, realm.adminTokenOf("rotation-viewer"), null, null).status());
        assertEquals(200, realm.exchange(before.get("token").asText()).status(), "a refused rotation changes nothing");
        Http.Res res = Http.send("POST", url, realm.adminTokenOf("rotation-owner"), null, null);
        assertEquals(200, res.status(), res.toString());
        assertSameTokenNewSecret(before, res.json());
        assertEquals(404, Http.send("POST", realm.adminUrl() + "/personal-tokens/00000000-0000-0000-0000-000000000000/rotate",
                realm.adminTokenOf("rotation-owner"), null, null).status());
    }

    @Test
    void someoneElsesTokenIsNotFound() {
        JsonNode theirs = realm.createToken(realm.userToken("someone-else"), "not yours");
        assertEquals(404, Http.send("POST", rotateUrl(theirs), bearer, null, null).status());
        assertEquals(200, realm.exchange(theirs.get("token").asText()).status());
    }

    static Stream<Arguments> placesASecretIsPresented() {
        return Stream.of(
                Arguments.of("the REST exchange", (BiFunction<TestRealm, String, Http.Res>) TestRealm::exchange, 401),
                Arguments.of("the token endpoint grant", (BiFunction<TestRealm, String, Http.Res>) TestRealm::grant, 400),
                Arguments.of("self-rotation", (BiFunction<TestRealm, String, Http.Res>) TestRealm::selfRotate, 401),
                Arguments.of("forward authentication", (BiFunction<TestRealm, String, Http.Res>)
                        (r, s) -> Http.get(r.tokensUrl() + "/auth", null, "Authorization", "Bearer " + s), 401));
    }

    @ParameterizedTest(name = "reuse at {0}")
    @MethodSource("placesASecretIsPresented")
    void presentingARetiredSecretRevokesTheToken(String place, BiFunction<TestRealm, String, Http.Res> present, int refusal) {
        JsonNode before = realm.createToken(bearer, "reused at " + place);
        JsonNode after = rotate(before, null);
        String freshAccess = realm.accessToken(after.get("token").asText());
        Clock.shift(realm.server, KeycloakServer.REUSE_GRACE_SECONDS + 1);
        try {
            Http.Res reused = present.apply(realm, before.get("token").asText());
            assertEquals(refusal, reused.status(), reused.toString());
        } finally {
            Clock.shift(realm.server, 0);
        }
        assertEquals(401, realm.exchange(after.get("token").asText()).status(), "someone holds an old copy: the token goes");
        assertFalse(realm.introspectActive(freshAccess));
        assertTrue(realm.revokedWithReason(before.get("id").asText(), "rotated_secret_reused"));
    }

    @Test
    void aRetiredSecretWithinTheGraceIsRefusedButTheTokenStays() {
        JsonNode before = realm.createToken(bearer, "within grace");
        JsonNode after = rotate(before, null);
        Http.Res reused = realm.exchange(before.get("token").asText());
        assertEquals(401, reused.status(), reused.toString());
        assertEquals(200, realm.exchange(after.get("token").asText()).status());
    }

    @Test
    void aNeverExpiringTokenStaysSoOnlyWhileThePolicyAllowsIt() {
        TestRealm open = TestRealm.create("rotation-forever");
        open.setPolicyAttribute("{\"allowNonExpiring\":true}");
        open.createUser("forever", "user");
        String user = open.userToken("forever");
        JsonNode t = open.createToken(user, Map.of("name", "forever", "expiresInDays", 0));
        Http.Res kept = Http.send("POST", open.tokensUrl() + "/" + t.get("id").asText() + "/rotate", user, null, null);
        assertTrue(kept.json().get("expiresAt").isNull(), kept.toString());
        open.setPolicyAttribute("{\"allowNonExpiring\":false,\"defaultExpiresInDays\":10}");
        Http.Res capped = Http.send("POST", open.tokensUrl() + "/" + t.get("id").asText() + "/rotate", user, null, null);
        assertEquals(10, Duration.between(Instant.parse(capped.json().get("rotatedAt").asText()),
                Instant.parse(capped.json().get("expiresAt").asText())).toDays(), capped.toString());
    }
}
