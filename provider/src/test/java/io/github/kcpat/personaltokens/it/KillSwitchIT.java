package io.github.kcpat.personaltokens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DESIGN §9.1a: disabling the realm's personal-tokens client stops every token at once. */
class KillSwitchIT {

    @Test
    void disablingTheClientStopsEveryPresentationAndEnablingItRestoresThem() {
        TestRealm realm = TestRealm.create("killswitch");
        realm.createUser("switched", "user");
        String bearer = realm.userToken("switched");
        JsonNode created = realm.createToken(bearer, "switched off");
        String secret = created.get("token").asText();
        assertEquals(200, realm.exchange(secret).status());

        realm.updateClient("personal-tokens", Map.of("enabled", false));
        try {
            Http.Res rest = realm.exchange(secret);
            assertEquals(401, rest.status(), rest.toString());
            assertEquals("invalid_token", rest.json().get("error").asText());
            Http.Res grant = realm.grant(secret);
            assertEquals(401, grant.status(), grant.toString());
            assertEquals("invalid_client", grant.json().get("error").asText());
            Http.Res forward = Http.get(realm.tokensUrl() + "/auth", null, "Authorization", "Bearer " + secret);
            assertEquals(401, forward.status(), forward.toString());
            Http.Res rotate = realm.selfRotate(secret);
            assertEquals(401, rotate.status(), rotate.toString());
            assertEquals("invalid_token", rotate.json().get("error").asText());
            // Refusals by the switch are not failures of the caller: they never throttle anyone.
            for (int i = 0; i < 40; i++) {
                assertEquals(401, realm.exchange(secret).status());
            }
        } finally {
            realm.updateClient("personal-tokens", Map.of("enabled", true));
        }
        Http.Res back = realm.exchange(secret);
        assertEquals(200, back.status(), "the switch does not revoke: " + back);
        assertEquals(200, realm.grant(secret).status());
        assertEquals(200, Http.get(realm.tokensUrl() + "/auth", null, "Authorization", "Bearer " + secret).status());
        assertEquals(1, Http.get(realm.tokensUrl(), bearer).json().size());
    }
}
