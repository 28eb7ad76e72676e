package io.github.kcpat.personaltokens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §9.1: an access token minted from a personal token, and every token obtained from it in
 * turn, never manages anything. The scenario is the one that used to work: a second confidential
 * client with standard token exchange turns a derived token into one for the account console or
 * the admin API.
 */
class DerivedTokensIT {

    static final String EXCHANGER = "exchanger";
    static final String EXCHANGER_SECRET = "exchanger-secret";
    static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

    static TestRealm realm;

    @BeforeAll
    static void setUp() {
        realm = TestRealm.create("derived");
        Http.Res client = Http.postJson(realm.adminUrl() + "/clients", realm.admin(), Map.of(
                "clientId", EXCHANGER, "publicClient", false, "secret", EXCHANGER_SECRET,
                "standardFlowEnabled", false, "serviceAccountsEnabled", true,
                "attributes", Map.of("standard.token.exchange.enabled", "true")));
        assertEquals(201, client.status(), client.toString());
        // Derived tokens must name the exchanger as audience, or Keycloak's exchange would refuse
        // them for that reason alone and the test could not tell our refusal from it.
        realm.addAudienceMapper("personal-tokens", EXCHANGER);
    }

    /** A user's personal token and an access token minted from it. */
    static String derivedTokenOf(String username, String... roles) {
        realm.createUser(username, roles);
        String secret = realm.createToken(realm.userToken(username), "derived of " + username).get("token").asText();
        return realm.accessToken(secret);
    }

    static Http.Res standardExchange(String subjectToken, String... extra) {
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of(
                "grant_type", TOKEN_EXCHANGE, "client_id", EXCHANGER, "client_secret", EXCHANGER_SECRET,
                "subject_token", subjectToken, "subject_token_type", ACCESS_TOKEN_TYPE));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            form.put(extra[i], extra[i + 1]);
        }
        return Http.postForm(realm.tokenEndpoint(), form);
    }

    @Test
    void standardTokenExchangeOfAUserTokensDerivedTokenIsRefused() {
        String derived = derivedTokenOf("leaky-user", "user");
        Http.Res exchanged = standardExchange(derived);
        assertEquals(400, exchanged.status(), exchanged.toString());
        assertEquals("invalid_request", exchanged.json().get("error").asText());
        assertFalse(exchanged.body().contains("access_token"), exchanged.body());

        // The same derived token is refused everywhere that manages anything.
        assertEquals(401, Http.postJson(realm.tokensUrl(), derived, Map.of("name", "minted by a leak")).status());
        assertEquals(401, Http.get(realm.url() + "/account", derived).status());
    }

    @Test
    void standardTokenExchangeOfAnAdminTokensDerivedTokenIsRefused() {
        String derived = derivedTokenOf("leaky-admin", "user", "admin");
        realm.grantClientRoles(realm.userId("leaky-admin"), "realm-management", "view-users", "query-users", "manage-users");
        for (String audience : List.of("realm-management", "account")) {
            Http.Res exchanged = standardExchange(derived, "audience", audience);
            assertEquals(400, exchanged.status(), audience + ": " + exchanged);
            assertEquals("invalid_request", exchanged.json().get("error").asText());
        }
    }

    /** The control: the exchanger's exchange works for an ordinary token, so the refusal is ours. */
    @Test
    void anOrdinaryTokenStillExchanges() {
        realm.createUser("ordinary", "user");
        realm.addAudienceMapper("it-cli", EXCHANGER);
        Http.Res exchanged = standardExchange(realm.userToken("ordinary"));
        assertEquals(200, exchanged.status(), exchanged.toString());
    }

    @Test
    void aDerivedTokenOfAUserWithRealmManagementRolesCannotCallTheAdminApi() {
        String derived = derivedTokenOf("manager-with-pat", "user");
        realm.grantClientRoles(realm.userId("manager-with-pat"), "realm-management", "view-users", "query-users", "manage-users", "view-realm");
        assertEquals(401, Http.get(realm.adminUrl() + "/users", derived).status());
        assertEquals(401, Http.get(realm.adminUrl() + "/personal-tokens", derived).status());
        assertEquals(401, Http.postJson(realm.adminUrl() + "/personal-tokens", derived,
                Map.of("username", "manager-with-pat", "name", "by a derived token")).status());
    }

    /**
     * UMA ({@code uma-ticket}) is the other grant that starts from a bearer token. Whatever
     * Keycloak 26.7.3 makes of a derived one, the result must not manage tokens: if Keycloak mints
     * an RPT, it is on the backing session and our API refuses it by that session.
     */
    @Test
    void umaWithADerivedTokenCannotManageTokens() {
        String derived = derivedTokenOf("uma-user", "user");
        Http.Res rs = Http.postJson(realm.adminUrl() + "/clients", realm.admin(), Map.of(
                "clientId", "uma-rs", "publicClient", false, "secret", "uma-rs-secret",
                "serviceAccountsEnabled", true, "authorizationServicesEnabled", true, "standardFlowEnabled", false));
        assertEquals(201, rs.status(), rs.toString());
        Http.Res uma = Http.send("POST", realm.tokenEndpoint(), derived, "application/x-www-form-urlencoded",
                "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Auma-ticket&audience=uma-rs");
        System.out.println("UMA with a derived bearer token on Keycloak 26.7.3: " + uma.status() + " " + uma.body());
        if (uma.status() == 200) {
            String rpt = uma.json().get("access_token").asText();
            JsonNode claims = TestRealm.claims(rpt);
            assertEquals(TestRealm.claims(derived).get("sid").asText(), claims.path("sid").asText(),
                    "an RPT from a derived token stays on the backing session");
            assertEquals(401, Http.get(realm.tokensUrl(), rpt).status());
            assertEquals(401, Http.postJson(realm.tokensUrl(), rpt, Map.of("name", "minted through UMA")).status());
            assertTrue(Http.get(realm.url() + "/account", rpt).status() >= 400);
        } else {
            assertTrue(uma.status() >= 400 && uma.status() < 500, uma.toString());
        }
    }
}
