package io.github.kcpat.personaltokens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.info.ProviderRepresentation;

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

        String all = Http.toJson(realm.resource().getEvents(null, null, null, null, null, null, 0, 1000));
        assertTrue(all.contains(id), "the events were read: " + all);
        assertFalse(all.contains(secret), "secret in events");
        String body = secret.substring(6, 30);
        assertFalse(all.contains(body), "part of the secret in events");

        String log = Files.readString(realm.server.home().resolve("server.log"));
        assertFalse(log.contains(secret), "secret in the server log");
        assertFalse(log.contains(body), "part of the secret in the server log");
    }

    @Test
    void keyedDigestConfigurationIsActive() {
        ProviderRepresentation provider = KeycloakServer.shared().admin().serverInfo().getInfo().getProviders()
                .get("realm-restapi-extension").getProviders().get("personal-tokens");
        assertEquals("true", provider.getOperationalInfo().get("keyedDigest"), String.valueOf(provider.getOperationalInfo()));
    }

    private static boolean hasEventFor(List<EventRepresentation> events, String tokenId) {
        return events.stream().anyMatch(e -> TestRealm.hasDetail(e, "personal_token_id", tokenId));
    }
}
