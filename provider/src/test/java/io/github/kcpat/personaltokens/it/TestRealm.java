package io.github.kcpat.personaltokens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * A fresh realm per test class, made through Keycloak's admin client, with the roles the default
 * policy names, a password-grant client for user tokens and a confidential client that introspects.
 * The {@code personal-tokens} client is not in the template: the provider must create it.
 *
 * <p>Fixtures (realms, users, roles, clients, groups, events) go through the admin client; the
 * endpoints under test (ours, the token endpoint, introspection) go through {@link Http}, where
 * exact statuses and headers are asserted.
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
        RealmRepresentation rep = template();
        rep.setRealm(name);
        server.admin().realms().create(rep);
        TestRealm realm = new TestRealm(server, name);
        realm.addAudienceMapper("personal-tokens", "it-api");
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

    // ---- admin helpers (Keycloak's admin client)

    /** The master admin's bearer token, for raw calls to the endpoints under test. */
    public static String adminToken(KeycloakServer server) {
        return server.admin().tokenManager().getAccessTokenString();
    }

    public String admin() {
        return adminToken(server);
    }

    /** This realm in Keycloak's admin client. */
    public RealmResource resource() {
        return server.admin().realm(name);
    }

    public String id() {
        return resource().toRepresentation().getId();
    }

    public UserResource user(String userId) {
        return resource().users().get(userId);
    }

    public String userId(String username) {
        List<UserRepresentation> found = resource().users().searchByUsername(username, true);
        assertEquals(1, found.size(), "user " + username);
        return found.get(0).getId();
    }

    /** Creates a user with a password and the given realm roles; returns the user id. */
    public String createUser(String username, String... realmRoles) {
        UserRepresentation rep = new UserRepresentation();
        rep.setUsername(username);
        rep.setEnabled(true);
        rep.setEmail(username + "@example.test");
        rep.setEmailVerified(true);
        rep.setFirstName(username);
        rep.setLastName("Test");
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        rep.setCredentials(List.of(password));
        String id;
        try (Response res = resource().users().create(rep)) {
            id = CreatedResponseUtil.getCreatedId(res);
        }
        for (String role : realmRoles) {
            grantRealmRole(id, role);
        }
        return id;
    }

    public void grantRealmRole(String userId, String role) {
        user(userId).roles().realmLevel().add(List.of(realmRole(role)));
    }

    public void removeRealmRole(String userId, String role) {
        user(userId).roles().realmLevel().remove(List.of(realmRole(role)));
    }

    /** Maps roles of the client {@code clientId} (e.g. realm-management) to the user. */
    public void grantClientRoles(String userId, String clientId, String... roles) {
        user(userId).roles().clientLevel(client(clientId).getId()).add(clientRoles(clientId, roles));
    }

    public RoleRepresentation realmRole(String role) {
        return resource().roles().get(role).toRepresentation();
    }

    public List<RoleRepresentation> clientRoles(String clientId, String... roles) {
        ClientResource client = clientResource(clientId);
        return Arrays.stream(roles).map(r -> client.roles().get(r).toRepresentation()).toList();
    }

    public ClientRepresentation client(String clientId) {
        List<ClientRepresentation> found = resource().clients().findByClientId(clientId);
        assertEquals(1, found.size(), "client " + clientId);
        return found.get(0);
    }

    public ClientResource clientResource(String clientId) {
        return resource().clients().get(client(clientId).getId());
    }

    public String groupId(String groupName) {
        return resource().groups().groups(groupName, true, 0, 10, true).get(0).getId();
    }

    public void setUserEnabled(String userId, boolean enabled) {
        UserRepresentation rep = user(userId).toRepresentation();
        rep.setEnabled(enabled);
        user(userId).update(rep);
    }

    /** Stores a policy straight into the realm attribute, as realm import would. */
    public void setPolicyAttribute(String policyJson) {
        RealmRepresentation rep = new RealmRepresentation();
        rep.setAttributes(Map.of("personalTokens.policy", policyJson));
        resource().update(rep);
    }

    /** Adds an audience mapper for {@code audience} to the client {@code clientId}. */
    public void addAudienceMapper(String clientId, String audience) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName("audience " + audience);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("oidc-audience-mapper");
        mapper.setConfig(Map.of("included.client.audience", audience, "access.token.claim", "true",
                "introspection.token.claim", "true"));
        try (Response res = clientResource(clientId).getProtocolMappers().createMapper(mapper)) {
            assertEquals(201, res.getStatus(), "audience mapper " + audience + " on " + clientId);
        }
    }

    /** Merges settings into the realm (raw JSON, so a test names exactly what it changes). */
    public void updateRealm(Map<String, Object> changes) {
        Http.Res res = Http.putJson(adminUrl(), admin(), changes);
        assertEquals(204, res.status(), res.toString());
    }

    /** Merges settings into a client, e.g. {@code enabled}. */
    public void updateClient(String clientId, Map<String, Object> changes) {
        Http.Res res = Http.putJson(adminUrl() + "/clients/" + client(clientId).getId(), admin(), changes);
        assertEquals(204, res.status(), res.toString());
    }

    /** An admin-console token of a user of this realm; its realm-management roles decide what it may do. */
    public String adminTokenOf(String username) {
        Http.Res res = Http.postForm(tokenEndpoint(), Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", username, "password", PASSWORD));
        assertEquals(200, res.status(), res.toString());
        return res.json().get("access_token").asText();
    }

    /** Whether a REMOVE_CREDENTIAL event names the token with this reason. */
    public boolean revokedWithReason(String tokenId, String reason) {
        return events("REMOVE_CREDENTIAL").stream()
                .anyMatch(e -> hasDetail(e, "personal_token_id", tokenId) && hasDetail(e, "reason", reason));
    }

    /** The realm's user events of one type, newest first. */
    public List<EventRepresentation> events(String type) {
        return resource().getEvents(List.of(type), null, null, null, null, null, 0, 200);
    }

    /** Whether an event carries the detail {@code name=value}. */
    public static boolean hasDetail(EventRepresentation event, String name, String value) {
        return event.getDetails() != null && value.equals(event.getDetails().get(name));
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

    private static RealmRepresentation template() {
        try (InputStream in = TestRealm.class.getResourceAsStream("/it-realm.json")) {
            return Http.JSON.readValue(in, RealmRepresentation.class);
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

    /**
     * Inserts {@code users} users with {@code tokens} tokens each, through the provider's storage
     * and each with a real backing session (test-only {@code kcpat-testing/seed-tokens}), for tests
     * and benchmarks that need more tokens than the API makes in reasonable time.
     */
    public JsonNode seedTokens(String prefix, int users, int tokens) {
        Http.Res res = Http.send("POST", url() + "/kcpat-testing/seed-tokens?users=" + users + "&tokens=" + tokens
                + "&prefix=" + prefix, null, null, null);
        assertEquals(200, res.status(), res.toString());
        return res.json();
    }
}
