package io.github.kcpat.personaltokens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §9.4 (RFC 9470): creating or rotating a token needs a recent sign-in, so that a console
 * token stolen from a browser cannot become a durable credential. The browser side (re-login and
 * retry) is in AccountConsoleIT.
 */
class StepUpIT {

    static final int MAX_AGE = 60;

    @Test
    void anOldSignInGetsTheRfc9470ChallengeForCreateAndRotateOnly() {
        TestRealm realm = TestRealm.create("stepup");
        realm.setPolicyAttribute("{\"maxAuthAgeSeconds\":" + MAX_AGE + "}");
        realm.createUser("stale", "user");
        String bearer = realm.userToken("stale");
        JsonNode existing = realm.createToken(bearer, "made while fresh");
        Clock.shift(realm.server, MAX_AGE + 30);
        try {
            Http.Res create = Http.postJson(realm.tokensUrl(), bearer, Map.of("name", "made while stale"));
            assertChallenge(create);
            Http.Res rotate = Http.send("POST", realm.tokensUrl() + "/" + existing.get("id").asText() + "/rotate", bearer, null, null);
            assertChallenge(rotate);
            assertEquals(200, realm.exchange(existing.get("token").asText()).status(), "the refused rotation changed nothing");
            // Reading and revoking need no fresh sign-in; an admin's assignment is not a user's step.
            assertEquals(200, Http.get(realm.tokensUrl(), bearer).status());
            assertEquals(201, Http.postJson(realm.adminUrl() + "/personal-tokens", realm.admin(),
                    Map.of("username", "stale", "name", "assigned")).status());
            String fresh = realm.userToken("stale");
            assertEquals(201, Http.postJson(realm.tokensUrl(), fresh, Map.of("name", "after signing in again")).status());
            assertEquals(204, Http.delete(realm.tokensUrl() + "/" + existing.get("id").asText(), bearer).status());
        } finally {
            Clock.shift(realm.server, 0);
        }
    }

    /** The default asks for a sign-in within 30 minutes; 0 switches the check off. */
    @Test
    void theDefaultIsThirtyMinutesAndZeroSwitchesItOff() {
        TestRealm realm = TestRealm.create("stepup-off");
        // Long-lived console tokens, so that the sign-in can be old while the bearer still works.
        realm.updateRealm(Map.of("accessTokenLifespan", 7200, "ssoSessionIdleTimeout", 36000, "ssoSessionMaxLifespan", 36000));
        realm.createUser("relaxed", "user");
        String bearer = realm.userToken("relaxed");
        Clock.shift(realm.server, 3600);
        try {
            assertChallengeWithMaxAge(Http.postJson(realm.tokensUrl(), bearer, Map.of("name", "an hour later")), 1800);
            realm.setPolicyAttribute("{\"maxAuthAgeSeconds\":0}");
            Http.Res create = Http.postJson(realm.tokensUrl(), bearer, Map.of("name", "any time"));
            assertEquals(201, create.status(), create.toString());
        } finally {
            Clock.shift(realm.server, 0);
        }
    }

    static void assertChallenge(Http.Res res) {
        assertChallengeWithMaxAge(res, MAX_AGE);
    }

    static void assertChallengeWithMaxAge(Http.Res res, int maxAge) {
        assertEquals(401, res.status(), res.toString());
        assertEquals("insufficient_user_authentication", res.json().get("error").asText());
        String challenge = res.header("WWW-Authenticate");
        assertTrue(challenge.matches("Bearer error=\"insufficient_user_authentication\", error_description=\"[^\"]+\", max_age=\""
                + maxAge + "\""), challenge);
        assertEquals("no-store", res.header("Cache-Control"));
    }
}
