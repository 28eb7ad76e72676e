package io.github.kcpat.personaltokens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.admin.client.resource.AuthorizationResource;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.authorization.ScopePermissionRepresentation;
import org.keycloak.representations.idm.authorization.UserPolicyRepresentation;

/** DESIGN §5: the owner's API, its permission matrix, the policy and the admin events. */
class AdminApiIT {

    static TestRealm realm;
    static String targetId;
    /** A realm of its own for the policy tests, so that a broken validator cannot upset the others. */
    static TestRealm policyRealm;

    @BeforeAll
    static void setUp() {
        realm = TestRealm.create("adminapi");
        policyRealm = TestRealm.create("policy");
        targetId = realm.createUser("target", "user", "admin");
        realm.createUser("realmadmin");
        grantManagementRoles("realmadmin", "realm-admin");
        realm.createUser("manager");
        grantManagementRoles("manager", "manage-users");
        realm.createUser("viewer");
        grantManagementRoles("viewer", "view-users");
        realm.createUser("plain", "user");
    }

    static void grantManagementRoles(String username, String... roles) {
        grantManagementRoles(realm, username, roles);
    }

    static void grantManagementRoles(TestRealm realm, String username, String... roles) {
        realm.grantClientRoles(realm.userId(username), "realm-management", roles);
    }

    static String adminTokenOf(TestRealm in, String username) {
        Http.Res res = Http.postForm(in.tokenEndpoint(), Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", username, "password", TestRealm.PASSWORD));
        assertEquals(200, res.status(), res.toString());
        return res.json().get("access_token").asText();
    }

    String api() {
        return realm.adminUrl() + "/personal-tokens";
    }

    /** A token assigned by the super admin, for the cells that read or revoke one. */
    String freshTokenId() {
        Http.Res res = Http.postJson(api(), realm.admin(), Map.of("userId", targetId, "name", "fixture " + System.nanoTime()));
        assertEquals(201, res.status(), res.toString());
        return res.json().get("id").asText();
    }

    @Test
    void permissionMatrix() {
        TestRealm other = TestRealm.create("other");
        other.createUser("foreignadmin");
        grantManagementRoles(other, "foreignadmin", "realm-admin");

        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("realm-admin", adminTokenOf(realm, "realmadmin"));
        callers.put("manage-users", adminTokenOf(realm, "manager"));
        callers.put("view-users", adminTokenOf(realm, "viewer"));
        callers.put("plain user", adminTokenOf(realm, "plain"));
        callers.put("admin of another realm", adminTokenOf(other, "foreignadmin"));
        callers.put("no token", null);

        // columns: list, get, assign, revoke, revoke-all, get policy, put policy
        Map<String, int[]> expected = new LinkedHashMap<>();
        expected.put("realm-admin", new int[] {200, 200, 201, 204, 204, 200, 204});
        expected.put("manage-users", new int[] {200, 200, 201, 204, 204, 200, 403});
        expected.put("view-users", new int[] {200, 200, 403, 403, 403, 200, 403});
        expected.put("plain user", new int[] {403, 403, 403, 403, 403, 403, 403});
        expected.put("admin of another realm", new int[] {403, 403, 403, 403, 403, 403, 403});
        expected.put("no token", new int[] {401, 401, 401, 401, 401, 401, 401});

        String policy = Http.get(api() + "/policy", realm.admin()).body();
        List<Function<String, Http.Res>> cells = List.of(
                t -> Http.get(api(), t),
                t -> Http.get(api() + "/" + freshTokenId(), t),
                t -> Http.postJson(api(), t, Map.of("userId", targetId, "name", "assigned " + System.nanoTime())),
                t -> Http.delete(api() + "/" + freshTokenId(), t),
                t -> Http.send("DELETE", api() + "?userId=" + targetId, t, null, null),
                t -> Http.get(api() + "/policy", t),
                t -> Http.putJson(api() + "/policy", t, policy));
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, String> caller : callers.entrySet()) {
            int[] want = expected.get(caller.getKey());
            for (int c = 0; c < cells.size(); c++) {
                Http.Res res = cells.get(c).apply(caller.getValue());
                if (res.status() != want[c]) {
                    mismatches.add(caller.getKey() + " column " + c + ": " + res.status() + " " + res.body());
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void assignedTokenShowsOnceAndAppearsInTheUsersOwnList() {
        String owner = adminTokenOf(realm, "realmadmin");
        Http.Res res = Http.postJson(api(), owner, Map.of("username", "target", "name", "from the owner", "role", "user"));
        assertEquals(201, res.status(), res.toString());
        JsonNode body = res.json();
        assertEquals("realmadmin", body.get("assignedBy").asText());
        String secret = body.get("token").asText();
        assertEquals(200, realm.exchange(secret).status());

        JsonNode mine = Http.get(realm.tokensUrl(), realm.userToken("target")).json();
        boolean seen = false;
        for (JsonNode t : mine) {
            seen |= t.get("id").asText().equals(body.get("id").asText()) && "realmadmin".equals(t.get("assignedBy").asText());
        }
        assertTrue(seen, mine.toString());
        assertFalse(Http.get(api() + "/" + body.get("id").asText(), owner).body().contains(secret));
    }

    @Test
    void assignRulesAndNotFound() {
        String owner = realm.admin();
        assertEquals(404, Http.postJson(api(), owner, Map.of("userId", "no-such-user", "name", "x")).status());
        assertEquals(404, Http.postJson(api(), owner, Map.of("username", "ghost", "name", "x")).status());
        assertEquals(400, Http.postJson(api(), owner, Map.of("name", "x")).status());
        String plainId = realm.userId("plain");
        Http.Res notHeld = Http.postJson(api(), owner, Map.of("userId", plainId, "name", "x", "role", "admin"));
        assertEquals(400, notHeld.status(), notHeld.toString());
        assertEquals("invalid_request", notHeld.json().get("error").asText());
        assertEquals(404, Http.get(api() + "/00000000-0000-0000-0000-000000000000", owner).status());
        assertEquals(404, Http.delete(api() + "/00000000-0000-0000-0000-000000000000", owner).status());
        assertEquals(404, Http.send("DELETE", api() + "?userId=nobody", owner, null, null).status());
        assertEquals(400, Http.get(api() + "?max=1001", owner).status());
    }

    @Test
    void listFiltersAndPages() {
        String owner = realm.admin();
        String uid = realm.createUser("filtered", "user", "admin");
        for (int i = 0; i < 3; i++) {
            Http.postJson(api(), owner, Map.of("userId", uid, "name", "alpha-" + i, "role", "user"));
        }
        Http.postJson(api(), owner, Map.of("userId", uid, "name", "beta", "role", "admin"));
        assertEquals(4, Http.get(api() + "?userId=" + uid, owner).json().size());
        assertEquals(1, Http.get(api() + "?userId=" + uid + "&role=admin", owner).json().size());
        assertEquals(3, Http.get(api() + "?userId=" + uid + "&search=ALPHA", owner).json().size());
        assertTrue(Http.get(api() + "?search=filtered", owner).json().size() >= 4, "search matches usernames");
        JsonNode page1 = Http.get(api() + "?userId=" + uid + "&first=0&max=2", owner).json();
        JsonNode page2 = Http.get(api() + "?userId=" + uid + "&first=2&max=2", owner).json();
        assertEquals(2, page1.size());
        assertEquals(2, page2.size());
        assertFalse(page1.get(0).get("id").equals(page2.get(0).get("id")));
    }

    @Test
    void revokeAllTakesEffectAtOnceAndDemotionHidesTokens() {
        String owner = realm.admin();
        String uid = realm.createUser("bulk", "user", "admin");
        String secret = Http.postJson(api(), owner, Map.of("userId", uid, "name", "one")).json().get("token").asText();
        String secret2 = Http.postJson(api(), owner, Map.of("userId", uid, "name", "two", "role", "user")).json().get("token").asText();
        String accessToken = realm.accessToken(secret);
        assertEquals(204, Http.send("DELETE", api() + "?userId=" + uid, owner, null, null).status());
        assertEquals(401, realm.exchange(secret).status());
        assertEquals(401, realm.exchange(secret2).status());
        assertFalse(realm.introspectActive(accessToken));
        assertEquals(0, Http.get(api() + "?userId=" + uid, owner).json().size());

        Http.postJson(api(), owner, Map.of("userId", uid, "name", "admin-level"));
        assertEquals(1, Http.get(api() + "?userId=" + uid, owner).json().size());
        realm.removeRealmRole(uid, "admin");
        assertEquals(0, Http.get(api() + "?userId=" + uid, owner).json().size(), "the owner sees the demoted token gone");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"defaultExpiresInDays\":-1}",
            "{\"maxTokensPerUser\":-1}",
            "{\"defaultExpiresInDays\":400,\"maxExpiresInDays\":365}",
            "{\"tokenPrefix\":\"\"}",
            "{\"tokenPrefix\":\"Bad-Prefix\"}",
            "{\"roles\":[{\"role\":\"user\",\"scopes\":[]},{\"role\":\"user\",\"scopes\":[]}]}",
            "{\"roles\":\"user\"}",
            "not json",
            "[]"})
    void anInvalidPolicyIsA400AndChangesNothing(String body) {
        String url = policyRealm.adminUrl() + "/personal-tokens/policy";
        String admin = policyRealm.admin();
        String before = Http.get(url, admin).body();
        Http.Res res = Http.putJson(url, admin, body);
        assertEquals(400, res.status(), res.toString());
        assertEquals("invalid_request", res.json().get("error").asText());
        assertTrue(res.json().get("error_description").asText().length() > 5, res.toString());
        assertEquals(before, Http.get(url, admin).body(), "a refused policy must not be stored");
    }

    @Test
    void aValidPolicyIsStoredTravelsWithTheRealmAndApplies() {
        TestRealm own = policyRealm;
        String url = own.adminUrl() + "/personal-tokens/policy";
        String admin = own.admin();
        JsonNode initial = Http.get(url, admin).json();
        assertEquals("kcpat_", initial.get("tokenPrefix").asText());
        assertEquals("admin", initial.get("roles").get(0).get("role").asText());

        String policy = "{\"roles\":[{\"role\":\"user\",\"scopes\":[\"read\"]}],\"defaultExpiresInDays\":7,"
                + "\"maxExpiresInDays\":30,\"allowNonExpiring\":false,\"maxTokensPerUser\":2,\"tokenPrefix\":\"own_\"}";
        assertEquals(204, Http.putJson(url, admin, policy).status());
        JsonNode stored = Http.get(url, admin).json();
        assertEquals("own_", stored.get("tokenPrefix").asText());
        assertEquals(2, stored.get("maxTokensPerUser").asInt());

        RealmRepresentation realmRep = own.resource().toRepresentation();
        assertTrue(realmRep.getAttributes().getOrDefault("personalTokens.policy", "").contains("own_"),
                "the policy travels with the realm representation");

        own.createUser("puser", "user");
        JsonNode userPolicy = Http.get(own.tokensUrl() + "/policy", own.userToken("puser")).json();
        assertEquals(7, userPolicy.get("defaultExpiresInDays").asInt());
        JsonNode t = own.createToken(own.userToken("puser"), "scoped");
        assertTrue(t.get("token").asText().startsWith("own_"));
        assertEquals("read", own.exchange(t.get("token").asText()).json().get("scope").asText());
    }

    /**
     * Create, revoke, revoke-all and policy updates are audited, each recognisable by itself: the
     * revoke-all event is told apart from a single revoke (of another token of the same user, just
     * before) by its path without a token id and its list of the revoked ids.
     */
    @Test
    void adminEventsIdentifyEachChangeAndNeverHoldTheSecret() {
        String owner = realm.admin();
        String uid = realm.createUser("evented", "user");
        Http.Res created = Http.postJson(api(), owner, Map.of("userId", uid, "name", "evented"));
        assertEquals(201, created.status(), created.toString());
        String id = created.json().get("id").asText();
        String secret = created.json().get("token").asText();
        Http.Res second = Http.postJson(api(), owner, Map.of("userId", uid, "name", "revoked with all"));
        String secondId = second.json().get("id").asText();
        assertEquals(204, Http.delete(api() + "/" + id, owner).status());
        assertEquals(204, Http.send("DELETE", api() + "?userId=" + uid, owner, null, null).status());
        assertEquals(204, Http.putJson(api() + "/policy", owner, Http.get(api() + "/policy", owner).body()).status());

        // Keycloak's own resourceTypes filter only takes its built-in enum, so filter here.
        List<AdminEventRepresentation> events = new ArrayList<>();
        for (AdminEventRepresentation e : realm.resource().getAdminEvents(null, null, null, null, null, null, null, null, 0, 1000)) {
            if ("PERSONAL_TOKEN".equals(e.getResourceType())) {
                events.add(e);
            }
        }
        List<String> operationsOnId = new ArrayList<>();
        List<JsonNode> revokeAll = new ArrayList<>();
        boolean policyUpdate = false;
        for (AdminEventRepresentation e : events) {
            JsonNode rep = parse(e.getRepresentation());
            if (("personal-tokens/" + id).equals(e.getResourcePath())) {
                operationsOnId.add(e.getOperationType());
                assertEquals(id, rep.path("id").asText(), "include representation is on: " + rep);
            }
            if ("DELETE".equals(e.getOperationType()) && "personal-tokens".equals(e.getResourcePath())
                    && uid.equals(rep.path("userId").asText())) {
                revokeAll.add(rep);
            }
            policyUpdate |= "UPDATE".equals(e.getOperationType()) && "personal-tokens/policy".equals(e.getResourcePath())
                    && rep.has("tokenPrefix");
        }
        assertEquals(List.of("CREATE", "DELETE"), operationsOnId.stream().sorted().toList(), "create and revoke of " + id);
        assertEquals(1, revokeAll.size(), "one revoke-all event for the user: " + revokeAll);
        assertEquals("[\"" + secondId + "\"]", revokeAll.get(0).path("revoked").toString(),
                "the revoke-all event lists exactly the tokens it revoked");
        assertTrue(policyUpdate, "policy update event with the policy");

        String all = Http.toJson(events);
        assertFalse(all.contains(secret), "the secret must never reach admin events");
        assertFalse(all.contains(secret.substring(6, 30)));
        assertFalse(all.contains(second.json().get("token").asText()));
    }

    private static JsonNode parse(String json) {
        try {
            return json == null ? Http.JSON.missingNode() : Http.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("representation is not JSON: " + json, e);
        }
    }

    /**
     * Fine-grained admin permissions v2: an admin allowed to manage only the members of one group
     * sees and manages only their tokens.
     */
    @Test
    void fineGrainedGroupScopedAdminManagesOnlyThatGroupsTokens() {
        TestRealm fg = TestRealm.create("fgap");
        String admin = fg.admin();
        RealmRepresentation enable = new RealmRepresentation();
        enable.setAdminPermissionsEnabled(true);
        fg.resource().update(enable);
        String groupId = fg.groupId("api-users");
        String member = fg.createUser("member");
        fg.user(member).joinGroup(groupId);
        String outsider = fg.createUser("outsider", "user");
        String groupAdmin = fg.createUser("groupadmin");
        fg.grantClientRoles(groupAdmin, "realm-management", "query-users");

        AuthorizationResource authz = fg.clientResource("admin-permissions").authorization();
        UserPolicyRepresentation policy = new UserPolicyRepresentation();
        policy.setName("is group admin");
        policy.addUser(groupAdmin);
        String policyId;
        try (Response res = authz.policies().user().create(policy)) {
            assertEquals(201, res.getStatus());
            policyId = res.readEntity(UserPolicyRepresentation.class).getId();
        }
        ScopePermissionRepresentation permission = new ScopePermissionRepresentation();
        permission.setName("manage api-users members");
        permission.setResourceType("Groups");
        permission.setResources(Set.of(groupId));
        permission.setScopes(Set.of("view-members", "manage-members"));
        permission.setPolicies(Set.of(policyId));
        try (Response res = authz.permissions().scope().create(permission)) {
            assertEquals(201, res.getStatus());
        }

        String url = fg.adminUrl() + "/personal-tokens";
        String memberToken = Http.postJson(url, admin, Map.of("userId", member, "name", "m")).json().get("id").asText();
        String outsiderToken = Http.postJson(url, admin, Map.of("userId", outsider, "name", "o")).json().get("id").asText();

        String bearer = adminTokenOf(fg, "groupadmin");
        JsonNode visible = Http.get(url, bearer).json();
        assertEquals(1, visible.size(), visible.toString());
        assertEquals(memberToken, visible.get(0).get("id").asText());
        assertEquals(200, Http.get(url + "/" + memberToken, bearer).status());
        assertEquals(403, Http.get(url + "/" + outsiderToken, bearer).status());
        assertEquals(403, Http.get(url + "?userId=" + outsider, bearer).status());
        assertEquals(201, Http.postJson(url, bearer, Map.of("userId", member, "name", "by group admin")).status());
        assertEquals(403, Http.postJson(url, bearer, Map.of("userId", outsider, "name", "nope")).status());
        assertEquals(403, Http.delete(url + "/" + outsiderToken, bearer).status());
        assertEquals(403, Http.send("DELETE", url + "?userId=" + outsider, bearer, null, null).status());
        assertEquals(204, Http.delete(url + "/" + memberToken, bearer).status());
        assertEquals(204, Http.send("DELETE", url + "?userId=" + member, bearer, null, null).status());
        assertEquals(403, Http.putJson(url + "/policy", bearer, Http.get(url + "/policy", admin).body()).status());
    }

    /** Demotion through a composite role: the token's role stays mapped but stops being held. */
    @Test
    void demotionThroughACompositeChange() {
        TestRealm comp = TestRealm.create("composite");
        String admin = comp.admin();
        RoleRepresentation developer = new RoleRepresentation();
        developer.setName("developer");
        comp.resource().roles().create(developer);
        List<RoleRepresentation> userRole = List.of(comp.realmRole("user"));
        comp.resource().roles().get("developer").addComposites(userRole);
        String uid = comp.createUser("dev", "developer");
        String secret = comp.createToken(comp.userToken("dev"), "through composite").get("token").asText();
        String accessToken = comp.accessToken(secret);
        comp.resource().roles().get("developer").deleteComposites(userRole);
        assertEquals(0, Http.get(comp.adminUrl() + "/personal-tokens?userId=" + uid, admin).json().size());
        assertFalse(comp.introspectActive(accessToken), "revoked by the composite change itself");
        assertEquals(401, comp.exchange(secret).status());
    }

    /**
     * A realm-wide change sweeps the whole realm, not its first read window: more tokens than one
     * window (200) lose their role through one composite edit, while a bystander's stay.
     */
    @Test
    void aCompositeChangeSweepsARealmLargerThanOneReadWindow() {
        TestRealm wide = TestRealm.create("wide");
        wide.setPolicyAttribute("{\"maxTokensPerUser\":100}");
        RoleRepresentation developer = new RoleRepresentation();
        developer.setName("developer");
        wide.resource().roles().create(developer);
        List<RoleRepresentation> userRole = List.of(wide.realmRole("user"));
        wide.resource().roles().get("developer").addComposites(userRole);
        for (int u = 0; u < 3; u++) {
            wide.createUser("dev" + u, "developer");
            String userToken = wide.userToken("dev" + u);
            for (int t = 0; t < 84; t++) {
                assertTrue(wide.createToken(userToken, "token " + t).has("token"));
            }
        }
        String bystander = wide.createUser("bystander", "user");
        String bystanderToken = wide.userToken("bystander");
        for (int t = 0; t < 5; t++) {
            wide.createToken(bystanderToken, "kept " + t);
        }
        assertEquals(257, TokenTable.rowsOfRealm(wide.server, wide.id()));

        wide.resource().roles().get("developer").deleteComposites(userRole);

        assertEquals(5, TokenTable.rowsOfRealm(wide.server, wide.id()));
        assertEquals(5, TokenTable.rowsOfUser(wide.server, wide.id(), bystander));
    }
}
