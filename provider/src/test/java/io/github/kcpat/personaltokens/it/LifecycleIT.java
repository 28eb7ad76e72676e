package io.github.kcpat.personaltokens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

/** The client exists everywhere; tokens go with their realm; the demo realm works as documented. */
class LifecycleIT {

    @Test
    void newRealmGetsThePublicClientWithoutBrowserFlows() {
        TestRealm realm = TestRealm.create("client");
        ClientRepresentation client = realm.client("personal-tokens");
        assertTrue(client.isPublicClient());
        assertFalse(client.isStandardFlowEnabled());
        assertFalse(client.isImplicitFlowEnabled());
        assertFalse(client.isDirectAccessGrantsEnabled());
        assertTrue(client.getDefaultClientScopes().contains("basic"), String.valueOf(client.getDefaultClientScopes()));
    }

    @Test
    void realmRemovalDeletesItsTokens() {
        TestRealm realm = TestRealm.create("doomed");
        realm.createUser("doomed-user", "user");
        realm.createUser("doomed-admin", "user", "admin");
        String secret = realm.createToken(realm.userToken("doomed-user"), "t").get("token").asText();
        realm.createToken(realm.userToken("doomed-admin"), "t");
        // The realm's id goes with it; keep it to look in the table afterwards.
        String realmId = realm.id();
        assertEquals(2, TokenTable.rowsOfRealm(realm.server, realmId));
        realm.resource().remove();
        // Counted before anything presents the token, so only the removal itself can have deleted it.
        assertEquals(0, TokenTable.rowsOfRealm(realm.server, realmId), "rows left in KCPAT_PERSONAL_TOKEN");
        // Recreate a realm of the same name: the old token must not work there.
        RealmRepresentation again = new RealmRepresentation();
        again.setRealm(realm.name);
        again.setEnabled(true);
        realm.server.admin().realms().create(again);
        assertEquals(401, realm.exchange(secret).status());
    }

    @Test
    void demoRealmFromRealmConfigWorksAsTheReadmeSays() {
        KeycloakServer server = KeycloakServer.shared();
        String realmUrl = server.baseUrl() + "/realms/acme";
        Http.Res login = Http.postForm(realmUrl + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "demo-cli", "username", "alice", "password", "alice"));
        assertEquals(200, login.status(), login.toString());
        String bearer = login.json().get("access_token").asText();

        Http.Res created = Http.postJson(realmUrl + "/personal-tokens", bearer, Map.of("name", "readme " + System.nanoTime()));
        assertEquals(201, created.status(), created.toString());
        String secret = created.json().get("token").asText();
        Http.Res exchanged = Http.send("POST", realmUrl + "/personal-tokens/access-token", null, null, null, "X-Refresh-Token", secret);
        assertEquals(200, exchanged.status(), exchanged.toString());
        String accessToken = exchanged.json().get("access_token").asText();

        Http.Res introspected = Http.postForm(realmUrl + "/protocol/openid-connect/token/introspect",
                Map.of("token", accessToken, "client_id", "demo-api", "client_secret", "demo-api-secret"));
        assertTrue(introspected.json().get("active").asBoolean(), introspected.toString());
        assertEquals("api:read api:write", introspected.json().get("scope").asText());

        String id = created.json().get("id").asText();
        assertEquals(204, Http.delete(realmUrl + "/personal-tokens/" + id, bearer).status());
        Http.Res after = Http.postForm(realmUrl + "/protocol/openid-connect/token/introspect",
                Map.of("token", accessToken, "client_id", "demo-api", "client_secret", "demo-api-secret"));
        assertFalse(after.json().get("active").asBoolean(), after.toString());
    }
}
