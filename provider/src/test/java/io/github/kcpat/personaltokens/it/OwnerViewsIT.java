package io.github.kcpat.personaltokens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DESIGN §10.5: the owner list's inactivity filter, and the total count of a listing. */
class OwnerViewsIT {

    static List<String> names(Http.Res res) {
        assertEquals(200, res.status(), res.toString());
        List<String> names = new ArrayList<>();
        for (JsonNode t : res.json()) {
            names.add(t.get("name").asText());
        }
        return names;
    }

    @Test
    void unusedForDaysCountsFromTheLastUseOrTheCreation() {
        TestRealm realm = TestRealm.create("ownerviews");
        realm.createUser("worker", "user");
        String bearer = realm.userToken("worker");
        String used = realm.createToken(bearer, "used later").get("token").asText();
        realm.createToken(bearer, "never used");
        String list = realm.adminUrl() + "/personal-tokens?userId=" + realm.userId("worker");
        try {
            Clock.shift(realm.server, 5 * 86_400);
            assertEquals(200, realm.exchange(used).status());
            Clock.shift(realm.server, 12 * 86_400);
            assertEquals(List.of("never used"), names(Http.get(list + "&unusedForDays=10", realm.admin())));
            assertEquals(List.of("never used", "used later"), names(Http.get(list + "&unusedForDays=7", realm.admin())));
            assertEquals(List.of(), names(Http.get(list + "&unusedForDays=13", realm.admin())));
        } finally {
            Clock.shift(realm.server, 0);
        }
    }

    @ParameterizedTest(name = "unusedForDays={0}")
    @ValueSource(strings = {"0", "-1", "1.5", "x", "1e3", "99999999999"})
    void badValuesAreA400(String value) {
        TestRealm realm = TestRealm.create("ownerviews-bad");
        Http.Res res = Http.get(realm.adminUrl() + "/personal-tokens?unusedForDays=" + value, realm.admin());
        assertEquals(400, res.status(), res.toString());
        assertEquals("invalid_request", res.json().get("error").asText());
    }

    @Test
    void theTotalCountIsGivenToAdminsWhoSeeEveryUser() {
        TestRealm realm = TestRealm.create("ownerviews-count");
        realm.createUser("many", "user");
        String bearer = realm.userToken("many");
        for (int i = 0; i < 3; i++) {
            realm.createToken(bearer, "t" + i);
        }
        Http.Res page = Http.get(realm.adminUrl() + "/personal-tokens?max=2", realm.admin());
        assertEquals(2, page.json().size());
        assertEquals("3", page.header("X-Total-Count"));
        assertEquals("1", Http.get(realm.adminUrl() + "/personal-tokens?search=t1", realm.admin()).header("X-Total-Count"));
        realm.createUser("limited-admin");
        realm.grantClientRoles(realm.userId("limited-admin"), "realm-management", "query-users");
        Http.Res limited = Http.get(realm.adminUrl() + "/personal-tokens", realm.adminTokenOf("limited-admin"));
        assertEquals(200, limited.status(), limited.toString());
        assertNull(limited.header("X-Total-Count"), "no total for an admin who may not view every user");
    }

    @Test
    void aTotalAboveTheExactLimitIsNotCounted() {
        TestRealm realm = TestRealm.create("ownerviews-many");
        // Seeded through the provider's storage (test-only endpoint): 1,000 through the API would take minutes.
        realm.seedTokens("many", 2, 500);
        String list = realm.adminUrl() + "/personal-tokens?max=5";
        assertEquals("1000", Http.get(list, realm.admin()).header("X-Total-Count"));
        realm.seedTokens("more", 1, 1);
        Http.Res page = Http.get(list, realm.admin());
        assertEquals(200, page.status(), page.toString());
        assertEquals(5, page.json().size());
        assertNull(page.header("X-Total-Count"), "1,001 matching tokens are more than the exact limit");
        assertEquals("1", Http.get(list + "&search=more-0-0", realm.admin()).header("X-Total-Count"));
    }
}
