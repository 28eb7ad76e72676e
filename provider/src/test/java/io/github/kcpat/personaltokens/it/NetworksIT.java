package io.github.kcpat.personaltokens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN §10.2: a token may be limited to networks. Calls come from distinct loopback addresses,
 * which Keycloak reports as the client address, so the rule is tested as it is enforced.
 */
class NetworksIT {

    static TestRealm realm;
    static String bearer;

    @BeforeAll
    static void setUp() {
        realm = TestRealm.create("networks");
        realm.createUser("fenced", "user");
        bearer = realm.userToken("fenced");
    }

    static JsonNode tokenFor(List<String> networks) {
        return realm.createToken(bearer, Map.of("name", "fenced " + System.nanoTime(), "allowedNetworks", networks));
    }

    static Http.Res exchangeFrom(String address, String secret) {
        return SourceAddressHttp.from(address).send("POST", realm.tokensUrl() + "/access-token", null, "X-Refresh-Token", secret);
    }

    @Test
    void onlyTheListedAddressMayUseTheToken() {
        JsonNode token = tokenFor(List.of(" 127.0.0.2/32 "));
        assertEquals("[\"127.0.0.2/32\"]", token.get("allowedNetworks").toString(), "stored trimmed, as given");
        String secret = token.get("token").asText();
        assertEquals(200, exchangeFrom("127.0.0.2", secret).status());
        Http.Res outside = exchangeFrom("127.0.0.1", secret);
        assertEquals(401, outside.status(), outside.toString());
        assertEquals("invalid_token", outside.json().get("error").asText());
        Http.Res grant = SourceAddressHttp.from("127.0.0.3").postForm(realm.tokenEndpoint(),
                "grant_type=urn%3Akeycloak%3Apersonal-token&client_id=personal-tokens&personal_token=" + secret);
        assertEquals(400, grant.status(), grant.toString());
        assertEquals("invalid_grant", grant.json().get("error").asText());
        Http.Res rotate = SourceAddressHttp.from("127.0.0.3").send("POST", realm.tokensUrl() + "/self/rotate", null, "X-Refresh-Token", secret);
        assertEquals(401, rotate.status(), rotate.toString());
        assertEquals(200, exchangeFrom("127.0.0.2", secret).status(), "a refusal does not revoke the token");

        boolean logged = false;
        for (var e : realm.events("OAUTH2_EXTENSION_GRANT_ERROR")) {
            logged |= TestRealm.hasDetail(e, "personal_token_id", token.get("id").asText())
                    && TestRealm.hasDetail(e, "reason", "network_not_allowed") && TestRealm.hasDetail(e, "address", "127.0.0.1");
        }
        assertTrue(logged, "the refusal is an event with the reason and the address");
    }

    @Test
    void networksHostBitsAndIpv6() {
        JsonNode network = tokenFor(List.of("127.0.9.1/16", "2001:db8::/32"));
        assertEquals(200, exchangeFrom("127.0.200.7", network.get("token").asText()).status(), "host bits mean the network");
        assertEquals(401, exchangeFrom("127.1.0.1", network.get("token").asText()).status());
        JsonNode ipv6Only = tokenFor(List.of("2001:db8::/32", "::1"));
        assertEquals(401, exchangeFrom("127.0.0.1", ipv6Only.get("token").asText()).status(), "an IPv4 client outside an IPv6 list");
    }

    @Test
    void withoutAListTheTokenWorksFromAnywhere() {
        JsonNode open = realm.createToken(bearer, "anywhere");
        assertEquals("[]", open.get("allowedNetworks").toString());
        assertEquals(200, exchangeFrom("127.0.0.5", open.get("token").asText()).status());
        assertEquals(200, exchangeFrom("127.0.0.6", open.get("token").asText()).status());
    }

    @Test
    void theOwnerMayAssignATokenWithNetworks() {
        Http.Res res = Http.postJson(realm.adminUrl() + "/personal-tokens", realm.admin(),
                Map.of("username", "fenced", "name", "assigned fenced", "allowedNetworks", List.of("127.0.0.2")));
        assertEquals(201, res.status(), res.toString());
        assertEquals("[\"127.0.0.2\"]", res.json().get("allowedNetworks").toString());
        assertEquals(401, exchangeFrom("127.0.0.1", res.json().get("token").asText()).status());
        assertEquals(200, exchangeFrom("127.0.0.2", res.json().get("token").asText()).status());
    }

    static Stream<Arguments> invalidLists() {
        List<String> twentyOne = new ArrayList<>(Collections.nCopies(21, "10.0.0.1"));
        return Stream.of(
                Arguments.of("not a CIDR", List.of("localhost")),
                Arguments.of("IPv4 prefix too long", List.of("10.0.0.0/33")),
                Arguments.of("IPv6 prefix too long", List.of("2001:db8::/129")),
                Arguments.of("negative prefix", List.of("10.0.0.0/-1")),
                Arguments.of("octet out of range", List.of("300.1.1.1")),
                Arguments.of("three octets", List.of("10.0.1")),
                Arguments.of("empty entry", List.of("")),
                Arguments.of("zone id", List.of("fe80::1%eth0")),
                Arguments.of("twenty-one entries", twentyOne),
                Arguments.of("a number", List.of(42)),
                Arguments.of("not a list", "10.0.0.0/8"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidLists")
    void invalidListsAreA400(String label, Object networks) {
        Http.Res res = Http.postJson(realm.tokensUrl(), bearer, Map.of("name", "bad " + label, "allowedNetworks", networks));
        assertEquals(400, res.status(), label + " -> " + res);
        assertEquals("invalid_request", res.json().get("error").asText());
        Http.Res assigned = Http.postJson(realm.adminUrl() + "/personal-tokens", realm.admin(),
                Map.of("username", "fenced", "name", "bad " + label, "allowedNetworks", networks));
        assertEquals(400, assigned.status(), label + " (admin) -> " + assigned);
    }

    @Test
    void aRoleMayRequireNetworksAndCapTheLifetime() {
        TestRealm strict = TestRealm.create("networks-policy");
        strict.setPolicyAttribute("{\"roles\":[{\"role\":\"admin\",\"scopes\":[\"api:admin\"],\"maxExpiresInDays\":30,"
                + "\"requireAllowedNetworks\":true},{\"role\":\"user\",\"scopes\":[\"api:read\"]}]}");
        strict.createUser("strict-admin", "user", "admin");
        String user = strict.userToken("strict-admin");
        Http.Res withoutNetworks = Http.postJson(strict.tokensUrl(), user, Map.of("name", "no networks", "role", "admin"));
        assertEquals(400, withoutNetworks.status(), withoutNetworks.toString());
        Http.Res tooLong = Http.postJson(strict.tokensUrl(), user,
                Map.of("name", "too long", "role", "admin", "expiresInDays", 31, "allowedNetworks", List.of("10.0.0.0/8")));
        assertEquals(400, tooLong.status(), tooLong.toString());
        JsonNode capped = strict.createToken(user, Map.of("name", "capped", "role", "admin", "allowedNetworks", List.of("10.0.0.0/8")));
        assertEquals(30, java.time.Duration.between(java.time.Instant.parse(capped.get("createdAt").asText()),
                java.time.Instant.parse(capped.get("expiresAt").asText())).toDays(), "the default is capped by the role");
        assertEquals(201, Http.postJson(strict.tokensUrl(), user, Map.of("name", "user role", "role", "user")).status());
    }
}
