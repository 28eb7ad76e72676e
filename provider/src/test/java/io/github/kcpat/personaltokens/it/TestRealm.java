package io.github.kcpat.personaltokens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh realm per test class, made through the admin API, with the roles the default policy
 * names, a password-grant client for user tokens and a confidential client that introspects.
 * The {@code personal-tokens} client is not in the template: the provider must create it.
 */
public final class TestRealm {

    public static final String PASSWORD = "Secret-123";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    public final KeycloakServer server;
    public final String name;

    private TestRealm(KeycloakServer server, String name) {
        this.server = server;
        this.name = name;
    }

    public static TestRealm create(String prefix) {
        return create(KeycloakServer.shared(), prefix);
    }

    public static TestRealm create(KeycloakServer server, String prefix) {
        String name = prefix + "-" + COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
        String json = template().replace("REALM_NAME", name);
        Http.Res res = Http.postJson(server.baseUrl() + "/admin/realms", adminToken(server), json);
        assertEquals(201, res.status(), res.toString());
        TestRealm realm = new TestRealm(server, name);
        realm.addAudienceMapperForItApi();
        return realm;
    }

    // ---- URLs

    /** The same realm, reached through another node of the cluster. */
    public TestRealm on(KeycloakServer node) {
        return new TestRealm(node, name);
    }

    public String url() {
        return server.baseUrl() + "/realms/" + name;
    }

    public String adminUrl() {
        return server.baseUrl() + "/admin/realms/" + name;
    }

    public String tokensUrl() {
        return url() + "/personal-tokens";
    }

    public String tokenEndpoint() {
        return url() + "/protocol/openid-connect/token";
    }

    // ---- admin helpers

    public static String adminToken(KeycloakServer server) {
        Http.Res res = Http.postForm(server.baseUrl() + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli",
                "username", KeycloakServer.ADMIN, "password", KeycloakServer.ADMIN_PASSWORD));
        assertEquals(200, res.status(), res.toString());
        return res.json().get("access_token").asText();
    }

    /** An admin token of a user of this realm (realm-management roles decide what it may do). */
    public String adminTokenOf(String username) {
        Http.Res res = Http.postForm(tokenEndpoint(), Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", username, "password", PASSWORD));
        assertEquals(200, res.status(), res.toString());
        return res.json().get("access_token").asText();
    }

    public String admin() {
        return adminToken(server);
    }

    /** Creates a user with a password and the given realm roles; returns the user id. */
    public String createUser(String username, String... realmRoles) {
        Map<String, Object> rep = Map.of("username", username, "enabled", true,
                "email", username + "@example.test", "emailVerified", true,
                "firstName", username, "lastName", "Test",
                "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
        Http.Res res = Http.postJson(adminUrl() + "/users", admin(), rep);
        assertEquals(201, res.status(), res.toString());
        String location = res.header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        for (String role : realmRoles) {
            grantRealmRole(id, role);
        }
        return id;
    }

    public void grantRealmRole(String userId, String role) {
        Http.Res res = Http.postJson(adminUrl() + "/users/" + userId + "/role-mappings/realm", admin(), List.of(realmRole(role)));
        assertEquals(204, res.status(), res.toString());
    }

    public void removeRealmRole(String userId, String role) {
        Http.Res res = Http.send("DELETE", adminUrl() + "/users/" + userId + "/role-mappings/realm", admin(),
                "application/json", Http.toJson(List.of(realmRole(role))));
        assertEquals(204, res.status(), res.toString());
    }

    public JsonNode realmRole(String role) {
        Http.Res res = Http.get(adminUrl() + "/roles/" + role, admin());
        assertEquals(200, res.status(), res.toString());
        return res.json();
    }

    public JsonNode client(String clientId) {
        Http.Res res = Http.get(adminUrl() + "/clients?clientId=" + clientId, admin());
        assertEquals(200, res.status(), res.toString());
        return res.json().get(0);
    }

    public void setUserEnabled(String userId, boolean enabled) {
        Http.Res res = Http.putJson(adminUrl() + "/users/" + userId, admin(), Map.of("enabled", enabled));
        assertEquals(204, res.status(), res.toString());
    }

    /** Stores a policy straight into the realm attribute, as realm import would. */
    public void setPolicyAttribute(String policyJson) {
        Http.Res res = Http.putJson(adminUrl(), admin(), Map.of("attributes", Map.of("personalTokens.policy", policyJson)));
        assertEquals(204, res.status(), res.toString());
    }

    // ---- user helpers

    public String userToken(String username) {
        Http.Res res = Http.postForm(tokenEndpoint(), Map.of("grant_type", "password", "client_id", "it-cli",
                "username", username, "password", PASSWORD, "scope", "openid"));
        assertEquals(200, res.status(), res.toString());
        return res.json().get("access_token").asText();
    }

    /** Creates a personal token through the user API and returns the 201 body (with the secret). */
    public JsonNode createToken(String userToken, Map<String, Object> body) {
        Http.Res res = Http.postJson(tokensUrl(), userToken, body);
        assertEquals(201, res.status(), res.toString());
        return res.json();
    }

    public JsonNode createToken(String userToken, String tokenName) {
        return createToken(userToken, Map.of("name", tokenName));
    }

    public Http.Res exchange(String secret) {
        return Http.send("POST", tokensUrl() + "/access-token", null, null, null, "X-Refresh-Token", secret);
    }

    public Http.Res selfRotate(String secret) {
        return Http.send("POST", tokensUrl() + "/self/rotate", null, null, null, "X-Refresh-Token", secret);
    }

    public Http.Res revokeByValue(String secret) {
        return Http.postForm(tokensUrl() + "/revoke", Map.of("token", secret));
    }

    /** Whether a REMOVE_CREDENTIAL event names the token with this reason. */
    public boolean revokedWithReason(String tokenId, String reason) {
        for (JsonNode e : events("REMOVE_CREDENTIAL")) {
            JsonNode d = e.get("details");
            if (tokenId.equals(d.path("personal_token_id").asText()) && reason.equals(d.path("reason").asText())) {
                return true;
            }
        }
        return false;
    }

    public Http.Res grant(String secret) {
        return Http.postForm(tokenEndpoint(), Map.of("grant_type", "urn:keycloak:personal-token",
                "client_id", "personal-tokens", "personal_token", secret));
    }

    /** Exchanges and asserts success; returns the access token. */
    public String accessToken(String secret) {
        Http.Res res = exchange(secret);
        assertEquals(200, res.status(), res.toString());
        return res.json().get("access_token").asText();
    }

    public boolean introspectActive(String accessToken) {
        Http.Res res = Http.postForm(url() + "/protocol/openid-connect/token/introspect",
                Map.of("token", accessToken, "client_id", "it-api", "client_secret", "it-api-secret"));
        assertEquals(200, res.status(), res.toString());
        return res.json().get("active").asBoolean();
    }

    public JsonNode events(String type) {
        Http.Res res = Http.get(adminUrl() + "/events?type=" + type + "&max=200", admin());
        assertEquals(200, res.status(), res.toString());
        return res.json();
    }

    private void addAudienceMapperForItApi() {
        addAudienceMapper("personal-tokens", "it-api");
    }

    /** Adds {@code audience} to the access tokens of {@code clientId}. */
    public void addAudienceMapper(String clientId, String audience) {
        String id = client(clientId).get("id").asText();
        Map<String, Object> mapper = Map.of("name", "audience " + audience, "protocol", "openid-connect",
                "protocolMapper", "oidc-audience-mapper",
                "config", Map.of("included.client.audience", audience, "access.token.claim", "true",
                        "introspection.token.claim", "true"));
        Http.Res res = Http.postJson(adminUrl() + "/clients/" + id + "/protocol-mappers/models", admin(), mapper);
        assertEquals(201, res.status(), res.toString());
    }

    public String userId(String username) {
        Http.Res res = Http.get(adminUrl() + "/users?exact=true&username=" + username, admin());
        assertEquals(200, res.status(), res.toString());
        return res.json().get(0).get("id").asText();
    }

    /** Grants roles of a client (e.g. realm-management) to a user. */
    public void grantClientRoles(String username, String clientId, String... roles) {
        String client = client(clientId).get("id").asText();
        List<JsonNode> reps = new java.util.ArrayList<>();
        for (String role : roles) {
            reps.add(Http.get(adminUrl() + "/clients/" + client + "/roles/" + role, admin()).json());
        }
        Http.Res res = Http.postJson(adminUrl() + "/users/" + userId(username) + "/role-mappings/clients/" + client, admin(), reps);
        assertEquals(204, res.status(), res.toString());
    }

    /** Merges attributes into the realm, as an admin would in the console. */
    public void updateRealm(Map<String, Object> changes) {
        Http.Res res = Http.putJson(adminUrl(), admin(), changes);
        assertEquals(204, res.status(), res.toString());
    }

    /** Sets a personal-tokens client property (e.g. enabled) through the admin API. */
    public void updateClient(String clientId, Map<String, Object> changes) {
        Http.Res res = Http.putJson(adminUrl() + "/clients/" + client(clientId).get("id").asText(), admin(), changes);
        assertEquals(204, res.status(), res.toString());
    }

    private static String template() {
        try (InputStream in = TestRealm.class.getResourceAsStream("/it-realm.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        byte[] decoded = java.util.Base64.getUrlDecoder().decode(payload);
        try {
            return Http.JSON.readTree(decoded);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
