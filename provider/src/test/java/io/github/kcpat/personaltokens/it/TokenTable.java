package io.github.kcpat.personaltokens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rows of table {@code KCPAT_PERSONAL_TOKEN}, counted in the database by the test-only
 * provider: what is stored, not what the provider's own code chooses to show.
 */
final class TokenTable {

    private TokenTable() {
    }

    static long rowsOfRealm(KeycloakServer server, String realmId) {
        return rows(server, "realmId=" + Http.enc(realmId));
    }

    static long rowsOfUser(KeycloakServer server, String realmId, String userId) {
        return rows(server, "realmId=" + Http.enc(realmId) + "&userId=" + Http.enc(userId));
    }

    private static long rows(KeycloakServer server, String query) {
        Http.Res res = Http.get(Clock.testingUrl(server) + "/token-rows?" + query, null);
        assertEquals(200, res.status(), res.toString());
        return res.json().get("rows").asLong();
    }
}
