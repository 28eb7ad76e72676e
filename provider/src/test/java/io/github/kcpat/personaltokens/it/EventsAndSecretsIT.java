package io.github.kcpat.personaltokens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Create, revoke and exchange are audited with the token id; the secret never leaves. */
class EventsAndSecretsIT {

    @Test
    void lifecycleIsAuditedAndTheSecretAppearsNowhere() throws IOException {
        TestRealm realm = TestRealm.create("events");
        realm.createUser("audited", "user");
        String bearer = realm.userToken("audited");
        JsonNode created = realm.createToken(bearer, "audited token");
        String id = created.get("id").asText();
        String secret = created.get("token").asText();
        realm.accessToken(secret);
        assertEquals(204, Http.delete(realm.tokensUrl() + "/" + id, bearer).status());
        assertEquals(401, realm.exchange(secret).status());

        assertTrue(hasEventFor(realm.events("UPDATE_CREDENTIAL"), id), "create event");
        assertTrue(hasEventFor(realm.events("OAUTH2_EXTENSION_GRANT"), id), "exchange event");
        assertTrue(hasEventFor(realm.events("REMOVE_CREDENTIAL"), id), "revoke event");
        assertTrue(realm.events("OAUTH2_EXTENSION_GRANT_ERROR").size() > 0, "failed exchange event");

        Http.Res all = Http.get(realm.adminUrl() + "/events?max=1000", realm.admin());
        assertFalse(all.body().contains(secret), "secret in events");
        String body = secret.substring(6, 30);
        assertFalse(all.body().contains(body), "part of the secret in events");

        String log = Files.readString(realm.server.home().resolve("server.log"));
        assertFalse(log.contains(secret), "secret in the server log");
        assertFalse(log.contains(body), "part of the secret in the server log");
    }

    @Test
    void keyedDigestConfigurationIsActive() {
        Http.Res info = Http.get(KeycloakServer.shared().baseUrl() + "/admin/serverinfo",
                TestRealm.adminToken(KeycloakServer.shared()));
        assertEquals(200, info.status());
        JsonNode provider = info.json().path("providers").path("realm-restapi-extension").path("providers").path("personal-tokens");
        assertEquals("true", provider.path("operationalInfo").path("keyedDigest").asText(), provider.toString());
    }

    private static boolean hasEventFor(JsonNode events, String tokenId) {
        for (JsonNode e : events) {
            if (tokenId.equals(e.path("details").path("personal_token_id").asText())) {
                return true;
            }
        }
        return false;
    }
}
