package io.github.kcpat.personaltokens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.resource.ClientResource;

/** The self-service API: contract, authentication, ownership and every kind of bad input. */
class UserApiIT {

    static TestRealm realm;
    static String alice;
    static String bob;

    @BeforeAll
    static void setUp() {
        realm = TestRealm.create("userapi");
        realm.createUser("alice", "user");
        realm.createUser("bob", "user", "admin");
        alice = realm.userToken("alice");
        bob = realm.userToken("bob");
        setUpDerivedRealm();
    }

    @Test
    void createShowsTheSecretOnceAndListsNewestFirst() {
        String user = "lister";
        realm.createUser(user, "user");
        String bearer = realm.userToken(user);
        Http.Res created = Http.postJson(realm.tokensUrl(), bearer, Map.of("name", "  first  "));
        assertEquals(201, created.status(), created.toString());
        assertEquals("no-store", created.header("Cache-Control"));
        JsonNode body = created.json();
        String id = body.get("id").asText();
        assertTrue(created.header("Location").endsWith("/personal-tokens/" + id), created.header("Location"));
        assertEquals("first", body.get("name").asText());
        assertEquals("user", body.get("role").asText());
        assertEquals(List.of("api:read", "api:write"), List.of(body.get("scopes").get(0).asText(), body.get("scopes").get(1).asText()));
        assertTrue(body.get("token").asText().startsWith("kcpat_"));
        assertTrue(body.get("hint").asText().startsWith("kcpat_"));
        assertTrue(body.get("token").asText().endsWith(body.get("hint").asText().substring(body.get("hint").asText().length() - 4)));
        assertEquals(user, body.get("username").asText());
        assertTrue(body.get("assignedBy").isNull());
        assertTrue(body.get("lastUsedAt").isNull());
        Instant createdAt = Instant.parse(body.get("createdAt").asText());
        Instant expiresAt = Instant.parse(body.get("expiresAt").asText());
        assertEquals(90, Duration.between(createdAt, expiresAt).toDays());

        realm.createToken(bearer, "second");
        Http.Res list = Http.get(realm.tokensUrl(), bearer);
        assertEquals(200, list.status());
        assertEquals("no-store", list.header("Cache-Control"));
        assertEquals("second", list.json().get(0).get("name").asText());
        assertEquals("first", list.json().get(1).get("name").asText());
        for (JsonNode t : list.json()) {
            assertNull(t.get("token"), "the secret is shown only once");
        }
        Http.Res one = Http.get(realm.tokensUrl() + "/" + id, bearer);
        assertEquals(200, one.status());
        assertNull(one.json().get("token"));
        assertFalse(one.body().contains(body.get("token").asText()));
    }

    @Test
    void lastUseIsRecordedAtOnce() {
        realm.createUser("user-lastuse", "user");
        String bearer = realm.userToken("user-lastuse");
        JsonNode t = realm.createToken(bearer, "used");
        realm.accessToken(t.get("token").asText());
        JsonNode after = Http.get(realm.tokensUrl() + "/" + t.get("id").asText(), bearer).json();
        assertFalse(after.get("lastUsedAt").isNull(), after.toString());
    }

    @Test
    void roleDefaultsToTheHighestHeldAndIsChecked() {
        assertEquals("admin", realm.createToken(bob, "bob default").get("role").asText());
        JsonNode userToken = realm.createToken(bob, Map.of("name", "bob user", "role", "user"));
        assertEquals("user", userToken.get("role").asText());
        assertEquals("api:read api:write", realm.exchange(userToken.get("token").asText()).json().get("scope").asText());

        Http.Res notHeld = Http.postJson(realm.tokensUrl(), alice, Map.of("name", "escalate", "role", "admin"));
        assertEquals(403, notHeld.status(), notHeld.toString());
        Http.Res unknown = Http.postJson(realm.tokensUrl(), alice, Map.of("name", "x", "role", "superuser"));
        assertEquals(400, unknown.status(), unknown.toString());
        assertEquals("invalid_request", unknown.json().get("error").asText());
    }

    @Test
    void policyListsOnlyTheRolesTheCallerHolds() {
        JsonNode forBob = Http.get(realm.tokensUrl() + "/policy", bob).json();
        assertEquals("[\"admin\",\"user\"]", forBob.get("roles").toString());
        JsonNode forAlice = Http.get(realm.tokensUrl() + "/policy", alice).json();
        assertEquals("[\"user\"]", forAlice.get("roles").toString());
        assertEquals(90, forAlice.get("defaultExpiresInDays").asInt());
        assertEquals(365, forAlice.get("maxExpiresInDays").asInt());
        assertFalse(forAlice.get("allowNonExpiring").asBoolean());
        assertEquals(20, forAlice.get("maxTokensPerUser").asInt());
    }

    static Stream<Named<Object>> badBodies() {
        return Stream.<Object>of(
                Map.of(),
                Map.of("name", ""),
                Map.of("name", "   "),
                Map.of("name", "x".repeat(101)),
                Map.of("name", "x".repeat(1000)),
                Map.of("name", "bell\u0007"),
                Map.of("name", "new\nline"),
                Map.of("name", 42),
                Map.of("name", "neg", "expiresInDays", -1),
                Map.of("name", "over", "expiresInDays", 366),
                Map.of("name", "never", "expiresInDays", 0),
                Map.of("name", "frac", "expiresInDays", 1.5),
                Map.of("name", "str", "expiresInDays", "10"),
                Map.of("name", "huge", "expiresInDays", 99999999999L),
                Map.of("name", "role", "role", List.of("user")),
                "not json",
                "{\"name\": ",
                "[]",
                "\"name\"",
                "{\"name\":\"" + "y".repeat(20_000) + "\"}",
                "").map(body -> Named.of(label(body), body));
    }

    /** A readable test name for a body: its JSON, shortened when long. */
    static String label(Object body) {
        String json = Http.toJson(body);
        return json.isEmpty() ? "(empty body)" : json.length() <= 60 ? json : json.substring(0, 40) + "... (" + json.length() + " chars)";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badInputIsA400WithAnOAuthError(Object body) {
        int before = Http.get(realm.tokensUrl(), alice).json().size();
        Http.Res res = Http.postJson(realm.tokensUrl(), alice, body);
        assertEquals(400, res.status(), res.toString());
        assertEquals("invalid_request", res.json().get("error").asText());
        assertNotNull(res.json().get("error_description"));
        assertEquals("no-store", res.header("Cache-Control"));
        assertEquals(before, Http.get(realm.tokensUrl(), alice).json().size(), "nothing was created");
    }

    @Test
    void unicodeNamesAreFine() {
        JsonNode t = realm.createToken(alice, "déploiement 🚀 名前");
        assertEquals("déploiement 🚀 名前", t.get("name").asText());
    }

    @Test
    void anotherUsersTokenIsNotFound() {
        JsonNode bobs = realm.createToken(bob, "bob private");
        String id = bobs.get("id").asText();
        assertEquals(404, Http.get(realm.tokensUrl() + "/" + id, alice).status());
        Http.Res del = Http.delete(realm.tokensUrl() + "/" + id, alice);
        assertEquals(404, del.status());
        assertEquals(200, realm.exchange(bobs.get("token").asText()).status(), "alice's DELETE must not touch bob's token");
    }

    static Stream<Named<String>> bogusIds() {
        return Stream.of("nope", "00000000-0000-0000-0000-000000000000", "x".repeat(3000)).map(id -> Named.of(label(id), id));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bogusIds")
    void anUnknownIdIsNotFound(String bogus) {
        assertEquals(404, Http.get(realm.tokensUrl() + "/" + bogus, alice).status());
        assertEquals(404, Http.delete(realm.tokensUrl() + "/" + bogus, alice).status());
    }

    @Test
    void duplicateActiveNameAndLimitAreConflicts() {
        realm.createUser("limited", "user");
        String bearer = realm.userToken("limited");
        realm.createToken(bearer, "dup");
        Http.Res dup = Http.postJson(realm.tokensUrl(), bearer, Map.of("name", " dup "));
        assertEquals(409, dup.status(), dup.toString());
        for (int i = 1; i < 20; i++) {
            realm.createToken(bearer, "t" + i);
        }
        Http.Res full = Http.postJson(realm.tokensUrl(), bearer, Map.of("name", "one too many"));
        assertEquals(409, full.status(), full.toString());
        assertNotNull(full.json().get("error_description"));
        // Revoking frees both the name and a slot.
        String dupId = null;
        for (JsonNode t : Http.get(realm.tokensUrl(), bearer).json()) {
            if (t.get("name").asText().equals("dup")) {
                dupId = t.get("id").asText();
            }
        }
        assertEquals(204, Http.delete(realm.tokensUrl() + "/" + dupId, bearer).status());
        realm.createToken(bearer, "dup");
    }

    @Test
    void authenticationIsRequired() {
        assertEquals(401, Http.get(realm.tokensUrl(), null).status());
        assertEquals(401, Http.get(realm.tokensUrl(), "not-a-jwt").status());
        assertEquals(401, Http.postJson(realm.tokensUrl(), null, Map.of("name", "x")).status());
        Http.Res noAuth = Http.get(realm.tokensUrl() + "/policy", null);
        assertEquals(401, noAuth.status());
        assertEquals("invalid_token", noAuth.json().get("error").asText());
    }

    // ---- derived tokens (DESIGN §4, §9.1)

    /**
     * A realm whose {@code personal-tokens} client gives its tokens everything the calls below
     * want: audience {@code account}, the roles {@code manage-account} and {@code view-profile},
     * and {@code view-users}/{@code query-users} of realm-management, which the user holds. So a
     * derived token is refused for being derived, and for nothing else.
     */
    static TestRealm derivedRealm;
    static String deriverSecret;

    static void setUpDerivedRealm() {
        derivedRealm = TestRealm.create("derived");
        // Every case below makes a fixture token of the same user: room for them all.
        derivedRealm.setPolicyAttribute("{\"maxTokensPerUser\":100}");
        String uid = derivedRealm.createUser("deriver", "user");
        derivedRealm.grantClientRoles(uid, "realm-management", "view-users", "query-users");
        derivedRealm.addAudienceMapper("personal-tokens", "account");
        ClientResource client = derivedRealm.clientResource("personal-tokens");
        String roles = derivedRealm.resource().clientScopes().findAll().stream()
                .filter(scope -> "roles".equals(scope.getName())).findFirst().orElseThrow().getId();
        client.addDefaultClientScope(roles);
        client.getScopeMappings().clientLevel(derivedRealm.client("account").getId())
                .add(derivedRealm.clientRoles("account", "manage-account", "view-profile"));
        client.getScopeMappings().clientLevel(derivedRealm.client("realm-management").getId())
                .add(derivedRealm.clientRoles("realm-management", "view-users", "query-users"));
        deriverSecret = derivedRealm.createToken(derivedRealm.userToken("deriver"), "the leaked one").get("token").asText();
    }

    /** One bearer-token call: {@code ours} marks our user API, whose errors have an OAuth body. */
    record Call(String name, boolean ours, int accepted, BiFunction<String, String, Http.Res> send) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Call> managementCalls() {
        String tokens = derivedRealm.tokensUrl();
        String admin = derivedRealm.adminUrl();
        return Stream.of(
                new Call("GET /personal-tokens", true, 200, (bearer, id) -> Http.get(tokens, bearer)),
                new Call("POST /personal-tokens", true, 201,
                        (bearer, id) -> Http.postJson(tokens, bearer, Map.of("name", "minted by a leak " + System.nanoTime()))),
                new Call("GET /personal-tokens/policy", true, 200, (bearer, id) -> Http.get(tokens + "/policy", bearer)),
                new Call("GET /personal-tokens/{id}", true, 200, (bearer, id) -> Http.get(tokens + "/" + id, bearer)),
                new Call("DELETE /personal-tokens/{id}", true, 204, (bearer, id) -> Http.delete(tokens + "/" + id, bearer)),
                new Call("GET /account (Keycloak's account REST API)", false, 200, (bearer, id) -> Http.get(derivedRealm.url() + "/account", bearer)),
                new Call("GET /admin/realms/{realm}/users", false, 200, (bearer, id) -> Http.get(admin + "/users", bearer)),
                new Call("GET /admin/realms/{realm}/personal-tokens", false, 200, (bearer, id) -> Http.get(admin + "/personal-tokens", bearer)));
    }

    @Test
    void aDerivedTokenCarriesTheAudienceAndRolesTheseCallsWant() {
        JsonNode claims = TestRealm.claims(derivedRealm.accessToken(deriverSecret));
        assertTrue(claims.has("personal_token_id"), claims.toString());
        assertTrue(claims.get("aud").toString().contains("\"account\""), claims.toString());
        String account = claims.path("resource_access").path("account").path("roles").toString();
        assertTrue(account.contains("\"manage-account\"") && account.contains("\"view-profile\""), claims.toString());
        String management = claims.path("resource_access").path("realm-management").path("roles").toString();
        assertTrue(management.contains("\"view-users\"") && management.contains("\"query-users\""), claims.toString());
    }

    /** The control: the same user's own sign-in token is accepted by every call. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("managementCalls")
    void theUsersOwnTokenIsAccepted(Call call) {
        String bearer = derivedRealm.userToken("deriver");
        String id = derivedRealm.createToken(bearer, "fixture " + System.nanoTime()).get("id").asText();
        Http.Res res = call.send().apply(bearer, id);
        assertEquals(call.accepted(), res.status(), res.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("managementCalls")
    void aDerivedTokenIsRefused(Call call) {
        String bearer = derivedRealm.userToken("deriver");
        String id = derivedRealm.createToken(bearer, "fixture " + System.nanoTime()).get("id").asText();
        // Minted before the snapshot: the exchange itself records the leaked token's last use.
        String derived = derivedRealm.accessToken(deriverSecret);
        JsonNode before = Http.get(derivedRealm.tokensUrl(), bearer).json();

        Http.Res res = call.send().apply(derived, id);
        assertEquals(401, res.status(), res.toString());
        if (call.ours()) {
            assertEquals("invalid_token", res.json().get("error").asText(), res.toString());
            assertEquals("no-store", res.header("Cache-Control"));
        }
        assertEquals(before, Http.get(derivedRealm.tokensUrl(), bearer).json(), "a refused call changes nothing");
    }

    @Test
    void withoutManageAccountIs403() {
        String id = realm.createUser("no-manage", "user");
        realm.removeRealmRole(id, "default-roles-" + realm.name);
        // view-profile keeps the "account" audience, so only the missing role is the problem.
        realm.grantClientRoles(id, "account", "view-profile");
        Http.Res list = Http.get(realm.tokensUrl(), realm.userToken("no-manage"));
        assertEquals(403, list.status(), list.toString());
    }

    @Test
    void noRoleToOwnTokensIs403() {
        realm.createUser("roleless");
        Http.Res res = Http.postJson(realm.tokensUrl(), realm.userToken("roleless"), Map.of("name", "x"));
        assertEquals(403, res.status(), res.toString());
        assertEquals("[]", Http.get(realm.tokensUrl() + "/policy", realm.userToken("roleless")).json().get("roles").toString());
    }

    @Test
    void corsPreflightIsAnswered() {
        Http.Res res = Http.send("OPTIONS", realm.tokensUrl(), null, null, null,
                "Origin", "http://localhost:3000", "Access-Control-Request-Method", "POST");
        assertEquals(200, res.status(), res.toString());
        assertNotNull(res.header("Access-Control-Allow-Methods"), res.headers().toString());
        Http.Res sub = Http.send("OPTIONS", realm.tokensUrl() + "/some-id", null, null, null,
                "Origin", "http://localhost:3000", "Access-Control-Request-Method", "DELETE");
        assertEquals(200, sub.status(), sub.toString());
    }

    @Test
    void nonExpiringTokensWhenThePolicyAllowsThem() {
        TestRealm open = TestRealm.create("nonexpiring");
        open.setPolicyAttribute("{\"allowNonExpiring\":true}");
        open.createUser("forever", "user");
        Map<String, Object> body = new HashMap<>();
        body.put("name", "forever");
        body.put("expiresInDays", 0);
        JsonNode t = open.createToken(open.userToken("forever"), body);
        assertTrue(t.get("expiresAt").isNull(), t.toString());
        assertEquals(200, open.exchange(t.get("token").asText()).status());
    }
}
