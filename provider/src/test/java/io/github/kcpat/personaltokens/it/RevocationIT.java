package io.github.kcpat.personaltokens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * DESIGN §6: every way a personal token stops working. "Stops working" is checked three ways: the
 * exchange is refused at both endpoints, an access token minted before introspects inactive, and
 * the token is gone from the owner's list.
 */
class RevocationIT {

    static TestRealm realm;

    @BeforeAll
    static void setUp() {
        realm = TestRealm.create("revocation");
    }

    /** A user with one live token and one access token minted from it. */
    record Subject(String userId, String username, String userToken, String tokenId, String secret, String accessToken) {
    }

    static Subject subject(String username, String... roles) {
        String userId = realm.createUser(username, roles.length == 0 ? new String[] {"user"} : roles);
        String userToken = realm.userToken(username);
        JsonNode created = realm.createToken(userToken, "token of " + username);
        String secret = created.get("token").asText();
        String accessToken = realm.accessToken(secret);
        assertTrue(realm.introspectActive(accessToken));
        return new Subject(userId, username, userToken, created.get("id").asText(), secret, accessToken);
    }

    static void assertStoppedWorking(Subject s) {
        Http.Res rest = realm.exchange(s.secret());
        assertEquals(401, rest.status(), rest.toString());
        assertEquals("invalid_token", rest.json().get("error").asText());
        Http.Res grant = realm.grant(s.secret());
        assertEquals(400, grant.status(), grant.toString());
        assertEquals("invalid_grant", grant.json().get("error").asText());
        assertFalse(realm.introspectActive(s.accessToken()), "access token minted before must be inactive");
    }

    static void assertGoneFromList(Subject s) {
        Http.Res list = Http.get(realm.tokensUrl(), realm.userToken(s.username()));
        assertEquals(200, list.status(), list.toString());
        for (JsonNode t : list.json()) {
            assertFalse(t.get("id").asText().equals(s.tokenId()), "revoked token still listed: " + list.body());
        }
        assertEquals(404, Http.get(realm.tokensUrl() + "/" + s.tokenId(), realm.userToken(s.username())).status());
    }

    @Test
    void deleteByOwnerRevokesAtOnce() {
        Subject s = subject("del-owner");
        assertEquals(204, Http.delete(realm.tokensUrl() + "/" + s.tokenId(), s.userToken()).status());
        assertStoppedWorking(s);
        assertGoneFromList(s);
        assertEquals(404, Http.delete(realm.tokensUrl() + "/" + s.tokenId(), s.userToken()).status());
    }

    @Test
    void adminRevokingConsentRemovesTheSession() {
        Subject s = subject("consent-admin");
        realm.user(s.userId()).revokeConsent("personal-tokens");
        assertStoppedWorking(s);
        assertGoneFromList(s);
    }

    @Test
    void userRevokingTheApplicationInTheAccountConsoleRemovesTheSession() {
        Subject s = subject("consent-self");
        Http.Res res = Http.delete(realm.url() + "/account/applications/personal-tokens/consent", s.userToken());
        assertEquals(204, res.status(), res.toString());
        assertStoppedWorking(s);
        assertGoneFromList(s);
    }

    /**
     * Not-before has one-second resolution, so these tests move the server's clock a few seconds on
     * instead of waiting: the token was created "before" the push. The clock stays moved while the
     * user signs in again, or the fresh sign-in would itself predate the push.
     */
    static final int LATER = 5;

    @Test
    void adminSignOutOfTheUserSetsNotBefore() {
        Subject s = subject("signout");
        try {
            Clock.shift(realm.server, LATER);
            realm.user(s.userId()).logout();
            assertStoppedWorking(s);
            assertGoneFromList(s);
        } finally {
            Clock.shift(realm.server, 0);
        }
    }

    @Test
    void clientNotBeforeRevokesTokensCreatedEarlier() {
        Subject s = subject("client-nbf");
        try {
            // The push lies between the token's creation (now) and the server's moved clock.
            Clock.shift(realm.server, 2 * LATER);
            setNotBefore(realm.clientResource("personal-tokens"), epochSeconds() + LATER);
            assertStoppedWorking(s);
            assertGoneFromList(s);
            // A token created after the push works.
            String fresh = realm.createToken(realm.userToken(s.username()), "after push").get("token").asText();
            assertEquals(200, realm.exchange(fresh).status());
        } finally {
            Clock.shift(realm.server, 0);
            // The push lies seconds ahead of real time: left in place, it refuses every token the
            // next tests of this realm make within those seconds.
            setNotBefore(realm.clientResource("personal-tokens"), 0);
        }
    }

    static int epochSeconds() {
        return (int) (System.currentTimeMillis() / 1000);
    }

    static void setNotBefore(ClientResource client, int notBefore) {
        ClientRepresentation rep = client.toRepresentation();
        rep.setNotBefore(notBefore);
        client.update(rep);
    }

    @Test
    void userDisabledIsRefusedAndComesBackWhenEnabled() {
        Subject s = subject("disabled");
        realm.setUserEnabled(s.userId(), false);
        assertStoppedWorking(s);
        realm.setUserEnabled(s.userId(), true);
        assertEquals(200, realm.exchange(s.secret()).status());
        assertTrue(realm.introspectActive(s.accessToken()));
        Http.Res list = Http.get(realm.tokensUrl(), realm.userToken(s.username()));
        assertEquals(1, list.json().size(), list.body());
    }

    @Test
    void userDeletedDeletesTheTokens() {
        Subject s = subject("deleted");
        realm.createToken(s.userToken(), "second of " + s.username());
        String realmId = realm.id();
        assertEquals(2, TokenTable.rowsOfUser(realm.server, realmId, s.userId()));
        try (Response res = realm.resource().users().delete(s.userId())) {
            assertEquals(204, res.getStatus());
        }
        // Counted before anything presents the token, so only the removal itself can have deleted it.
        assertEquals(0, TokenTable.rowsOfUser(realm.server, realmId, s.userId()), "rows left in KCPAT_PERSONAL_TOKEN");
        assertStoppedWorking(s);
        // Same username again: the old token must not come back to the new account.
        realm.createUser(s.username(), "user");
        Http.Res list = Http.get(realm.tokensUrl(), realm.userToken(s.username()));
        assertEquals(0, list.json().size(), list.body());
    }

    @Test
    void roleLostRevokesAndNeverDowngrades() {
        Subject s = subject("demoted", "user", "admin");
        Http.Res list = Http.get(realm.tokensUrl(), s.userToken());
        assertEquals("admin", list.json().get(0).get("role").asText(), "the default role is the highest held");

        realm.removeRealmRole(s.userId(), "admin");
        assertFalse(realm.introspectActive(s.accessToken()), "revoked by the role change itself, before any exchange");
        assertStoppedWorking(s);
        assertGoneFromList(s);
        // Getting the role back does not resurrect the token: it was revoked, not suspended.
        realm.grantRealmRole(s.userId(), "admin");
        assertEquals(401, realm.exchange(s.secret()).status());

        boolean logged = false;
        for (EventRepresentation e : realm.events("REMOVE_CREDENTIAL")) {
            logged |= TestRealm.hasDetail(e, "personal_token_id", s.tokenId()) && TestRealm.hasDetail(e, "reason", "role_lost");
        }
        assertTrue(logged, "role loss must be logged as an event");
    }

    @Test
    void roleLostThroughGroupMembership() {
        String userId = realm.createUser("grouped");
        String groupId = realm.groupId("api-users");
        realm.user(userId).joinGroup(groupId);
        String secret = realm.createToken(realm.userToken("grouped"), "via group").get("token").asText();
        String accessToken = realm.accessToken(secret);
        realm.user(userId).leaveGroup(groupId);
        assertFalse(realm.introspectActive(accessToken));
        assertEquals(401, realm.exchange(secret).status());
    }

    @Test
    void policyScopeChangeAppliesAtTheNextExchangeAndPrefixChangeOnlyToNewTokens() {
        Subject s = subject("policy");
        try {
            realm.setPolicyAttribute("{\"roles\":[{\"role\":\"user\",\"scopes\":[\"api:read\"]}],\"tokenPrefix\":\"acme_\"}");
            Http.Res res = realm.exchange(s.secret());
            assertEquals(200, res.status(), res.toString());
            assertEquals("api:read", res.json().get("scope").asText());
            String fresh = realm.createToken(realm.userToken(s.username()), "new prefix").get("token").asText();
            assertTrue(fresh.startsWith("acme_"), fresh);
            assertEquals(200, realm.exchange(fresh).status());
        } finally {
            realm.setPolicyAttribute("");
        }
        assertEquals("api:read api:write", realm.exchange(s.secret()).json().get("scope").asText());
    }

    @Test
    void expiredTokensStopWorkingAndAreSweptByTheScheduledTask() {
        Subject used = subject("expiring");
        String idle = realm.createToken(used.userToken(), Map.of("name", "idle", "expiresInDays", 1)).get("id").asText();
        String usedShort = realm.createToken(used.userToken(), Map.of("name", "short", "expiresInDays", 1)).get("token").asText();
        try {
            Clock.shift(realm.server, 2 * 86400);
            Http.Res grant = realm.grant(usedShort);
            assertEquals(400, grant.status(), grant.toString());
            assertEquals("invalid_grant", grant.json().get("error").asText());
            assertEquals(401, realm.exchange(usedShort).status());
            assertFalse(realm.introspectActive(used.accessToken()));
            // Nobody touches "idle": only the cluster-aware cleanup task can remove it.
            long deadline = System.currentTimeMillis() + 60_000;
            boolean swept = false;
            while (!swept && System.currentTimeMillis() < deadline) {
                for (EventRepresentation e : realm.events("REMOVE_CREDENTIAL")) {
                    swept |= TestRealm.hasDetail(e, "personal_token_id", idle) && TestRealm.hasDetail(e, "reason", "expired");
                }
                if (!swept) {
                    KeycloakServer.sleep(1000); // the sweep runs on the server's timer, in real time
                }
            }
            assertTrue(swept, "the scheduled task did not remove the expired token");
        } finally {
            Clock.shift(realm.server, 0);
        }
    }

    @Test
    void realmSignOutAllAndRealmNotBefore() {
        TestRealm other = TestRealm.create("logout-all");
        other.createUser("user1", "user");
        String secret = other.createToken(other.userToken("user1"), "t").get("token").asText();
        String accessToken = other.accessToken(secret);
        try {
            Clock.shift(other.server, LATER);
            other.resource().logoutAll();
            assertEquals(401, other.exchange(secret).status());
            assertFalse(other.introspectActive(accessToken));

            String second = other.createToken(other.userToken("user1"), "t2").get("token").asText();
            String accessToken2 = other.accessToken(second);
            // "second" was made at +LATER; the realm's not-before lands between it and the clock at +3 LATER.
            Clock.shift(other.server, 3 * LATER);
            RealmRepresentation notBefore = new RealmRepresentation();
            notBefore.setNotBefore(epochSeconds() + 2 * LATER);
            other.resource().update(notBefore);
            assertEquals(401, other.exchange(second).status());
            assertFalse(other.introspectActive(accessToken2));
            assertEquals(0, Http.get(other.tokensUrl(), other.userToken("user1")).json().size());
        } finally {
            Clock.shift(other.server, 0);
        }
    }

    @Test
    void survivesARestart() {
        Subject s = subject("restart");
        realm.server.restart();
        assertTrue(realm.introspectActive(s.accessToken()));
        assertEquals(200, realm.exchange(s.secret()).status());
        Http.Res list = Http.get(realm.tokensUrl(), realm.userToken(s.username()));
        assertEquals(List.of(s.tokenId()), List.of(list.json().get(0).get("id").asText()));
        assertEquals(204, Http.delete(realm.tokensUrl() + "/" + s.tokenId(), realm.userToken(s.username())).status());
        assertStoppedWorking(s);
    }
}
