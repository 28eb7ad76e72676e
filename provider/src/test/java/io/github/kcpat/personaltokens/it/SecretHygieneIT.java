package io.github.kcpat.personaltokens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §9.9: the whole life of a token, every place a secret is presented, with the server
 * logging our packages and Keycloak's events at DEBUG (KeycloakServer starts it so). No secret,
 * old or new, whole or in part, appears in the server log, in user events or in admin events, and
 * no error answer echoes the token it refuses.
 */
class SecretHygieneIT {

    @Test
    void noSecretEverReachesALogAnEventOrAnErrorAnswer() throws IOException {
        TestRealm realm = TestRealm.create("hygiene");
        realm.createUser("careful", "user");
        String bearer = realm.userToken("careful");
        List<String> secrets = new ArrayList<>();
        List<String> answers = new ArrayList<>();

        JsonNode created = realm.createToken(bearer, "the whole life");
        String id = created.get("id").asText();
        secrets.add(created.get("token").asText());
        assertEquals(200, realm.exchange(secrets.get(0)).status());
        assertEquals(200, realm.grant(secrets.get(0)).status());
        assertEquals(200, Http.get(realm.tokensUrl() + "/auth", null, "Authorization", "Bearer " + secrets.get(0)).status());

        Http.Res rotated = Http.send("POST", realm.tokensUrl() + "/" + id + "/rotate", bearer, null, null);
        assertEquals(200, rotated.status(), rotated.toString());
        secrets.add(rotated.json().get("token").asText());
        Http.Res selfRotated = realm.selfRotate(secrets.get(1));
        assertEquals(200, selfRotated.status(), selfRotated.toString());
        secrets.add(selfRotated.json().get("token").asText());
        Http.Res assigned = Http.postJson(realm.adminUrl() + "/personal-tokens", realm.admin(), Map.of("username", "careful", "name", "assigned"));
        secrets.add(assigned.json().get("token").asText());
        Http.Res adminRotated = Http.send("POST", realm.adminUrl() + "/personal-tokens/" + assigned.json().get("id").asText() + "/rotate",
                realm.admin(), null, null);
        secrets.add(adminRotated.json().get("token").asText());

        // Refusals of old, reported and bogus secrets: none of them may be echoed back.
        answers.add(realm.exchange(secrets.get(0)).body());
        answers.add(realm.grant(secrets.get(1)).body());
        answers.add(Http.get(realm.tokensUrl() + "/auth", null, "Authorization", "Bearer " + secrets.get(0)).body());
        answers.add(realm.selfRotate(secrets.get(1)).body());
        assertEquals(200, realm.revokeByValue(secrets.get(2)).status());
        answers.add(realm.exchange(secrets.get(2)).body());
        answers.add(realm.exchange(secrets.get(2) + "x").body());

        String log = Files.readString(realm.server.home().resolve("server.log"));
        assertTrue(log.contains("DEBUG [io.github.kcpat.personaltokens"), "the server must log our packages at DEBUG for this test");
        String userEvents = Http.get(realm.adminUrl() + "/events?max=1000", realm.admin()).body();
        String adminEvents = Http.get(realm.adminUrl() + "/admin-events?max=1000", realm.admin()).body();
        for (String secret : secrets) {
            String body = secret.substring(6, 30);
            for (Map.Entry<String, String> place : Map.of("server log", log, "user events", userEvents, "admin events", adminEvents).entrySet()) {
                assertFalse(place.getValue().contains(body), "a secret in the " + place.getKey());
            }
            for (String answer : answers) {
                assertFalse(answer.contains(body), "an error answer echoes a secret: " + answer);
            }
        }
    }
}
