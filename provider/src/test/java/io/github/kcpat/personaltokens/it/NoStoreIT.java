package io.github.kcpat.personaltokens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN §9.7: every answer of the user API, and every answer our code gives in the admin API,
 * is {@code no-store}: successes and every error status, including those of the authentication
 * step and of Keycloak's own CORS check.
 */
class NoStoreIT {

    static TestRealm realm;
    static String alice;
    static String noManageAccount;
    static String viewer;
    static JsonNode token;
    static JsonNode spare;
    static JsonNode checked;
    static String throttledFrom;

    @BeforeAll
    static void setUp() {
        realm = TestRealm.create("nostore");
        realm.createUser("alice", "user");
        alice = realm.userToken("alice");
        token = realm.createToken(alice, "listed");
        spare = realm.createToken(alice, "revoked in a case");
        checked = realm.createToken(alice, "checked by a proxy");
        realm.createUser("viewer");
        realm.grantClientRoles(realm.userId("viewer"), "realm-management", "view-users", "query-users");
        viewer = realm.adminTokenOf("viewer");
        String id = realm.createUser("no-manage", "user");
        // view-profile keeps the account audience; only manage-account is missing.
        realm.removeRealmRole(id, "default-roles-" + realm.name);
        realm.grantClientRoles(id, "account", "view-profile");
        noManageAccount = realm.userToken("no-manage");
        throttledFrom = TestAddresses.next();
        SourceAddressHttp attacker = SourceAddressHttp.from(throttledFrom);
        IntStream.range(0, 30).forEach(i -> attacker.send("POST", realm.tokensUrl() + "/access-token", null, "X-Refresh-Token", "x"));
    }

    static Arguments answer(String label, int status, Supplier<Http.Res> request) {
        return Arguments.of(label, status, request);
    }

    static Stream<Arguments> answers() {
        String api = realm.tokensUrl();
        String admin = realm.adminUrl() + "/personal-tokens";
        String id = token.get("id").asText();
        String unknown = "00000000-0000-0000-0000-000000000000";
        return Stream.of(
                answer("list", 200, () -> Http.get(api, alice)),
                answer("get", 200, () -> Http.get(api + "/" + id, alice)),
                answer("policy", 200, () -> Http.get(api + "/policy", alice)),
                answer("create", 201, () -> Http.postJson(api, alice, Map.of("name", "created " + System.nanoTime()))),
                answer("create, malformed", 400, () -> Http.postJson(api, alice, "{")),
                answer("create, role not held", 403, () -> Http.postJson(api, alice, Map.of("name", "x", "role", "admin"))),
                answer("create, duplicate name", 409, () -> Http.postJson(api, alice, Map.of("name", "listed"))),
                answer("no bearer", 401, () -> Http.get(api, null)),
                answer("no manage-account", 403, () -> Http.get(api, noManageAccount)),
                answer("origin not allowed", 403, () -> Http.get(api, alice, "Origin", "https://evil.example")),
                answer("unknown token", 404, () -> Http.get(api + "/" + unknown, alice)),
                answer("unknown path", 404, () -> Http.get(api + "/no/such/thing", alice)),
                answer("rotate", 200, () -> Http.send("POST", api + "/" + id + "/rotate", alice, null, null)),
                answer("rotate, unknown", 404, () -> Http.send("POST", api + "/" + unknown + "/rotate", alice, null, null)),
                answer("revoke", 204, () -> Http.delete(api + "/" + spare.get("id").asText(), alice)),
                answer("exchange, no header", 400, () -> Http.send("POST", api + "/access-token", null, null, null)),
                answer("exchange, bad token", 401, () -> realm.exchange("kcpat_bad")),
                answer("exchange, throttled", 429, () -> SourceAddressHttp.from(throttledFrom)
                        .send("POST", api + "/access-token", null, "X-Refresh-Token", "x")),
                answer("self-rotate, no header", 400, () -> Http.send("POST", api + "/self/rotate", null, null, null)),
                answer("self-rotate, bad token", 401, () -> realm.selfRotate("kcpat_bad")),
                answer("revoke by value", 200, () -> realm.revokeByValue("kcpat_unknown")),
                answer("revoke by value, bad body", 400, () -> Http.send("POST", api + "/revoke", null, "text/plain", "x")),
                answer("forward auth", 200, () -> Http.get(api + "/auth", null, "X-Refresh-Token", checked.get("token").asText())),
                answer("forward auth, no credentials", 401, () -> Http.get(api + "/auth", null)),
                answer("forward auth, missing scope", 403, () -> Http.get(api + "/auth?scope=nope", null,
                        "X-Refresh-Token", checked.get("token").asText())),
                answer("preflight", 200, () -> Http.send("OPTIONS", api, null, null, null,
                        "Origin", "http://localhost:3000", "Access-Control-Request-Method", "POST")),
                answer("owner list", 200, () -> Http.get(admin, realm.admin())),
                answer("owner list, bad max", 400, () -> Http.get(admin + "?max=-1", realm.admin())),
                answer("owner list, bad unusedForDays", 400, () -> Http.get(admin + "?unusedForDays=0", realm.admin())),
                answer("owner assign, view-only", 403, () -> Http.postJson(admin, viewer, Map.of("username", "alice", "name", "x"))),
                answer("owner get, unknown", 404, () -> Http.get(admin + "/" + unknown, realm.admin())),
                answer("owner assign, duplicate", 409, () -> Http.postJson(admin, realm.admin(), Map.of("username", "alice", "name", "listed"))),
                answer("owner policy, invalid", 400, () -> Http.putJson(admin + "/policy", realm.admin(), "{\"maxTokensPerUser\":-1}")),
                answer("owner policy, view-only", 403, () -> Http.putJson(admin + "/policy", viewer, "{}")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("answers")
    void everyAnswerIsNoStore(String label, int status, Supplier<Http.Res> request) {
        Http.Res res = request.get();
        assertEquals(status, res.status(), label + " -> " + res);
        assertEquals("no-store", res.header("Cache-Control"), label + " " + res.headers());
    }
}
