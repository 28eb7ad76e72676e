package io.github.kcpat.personaltokens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §9.6 on one node: the per-user limit and the unique name hold under simultaneous
 * requests, and revoking one token from several places at once never answers 5xx.
 * {@code PostgresClusterIT} runs the same races across two nodes on PostgreSQL.
 */
class ConcurrencyIT {

    static TestRealm realm;

    @BeforeAll
    static void setUp() {
        realm = TestRealm.create("concurrency");
    }

    static void assertNo5xx(List<Http.Res> answers) {
        for (Http.Res res : answers) {
            assertTrue(res.status() < 500, res.toString());
        }
    }

    @Test
    void fortySimultaneousCreationsNeverPassTheLimit() {
        realm.createUser("racer", "user");
        String bearer = realm.userToken("racer");
        List<Http.Res> answers = Concurrently.run(40, i -> Http.postJson(realm.tokensUrl(), bearer, Map.of("name", "race " + i)));
        assertNo5xx(answers);
        assertEquals(20, Concurrently.count(answers, 201), answers.toString());
        assertEquals(20, Concurrently.count(answers, 409), answers.toString());
        assertEquals(20, Http.get(realm.tokensUrl(), bearer).json().size());
    }

    @Test
    void whileThereIsRoomNoneOfSixteenIsRefused() {
        realm.createUser("roomy", "user");
        String bearer = realm.userToken("roomy");
        List<Http.Res> answers = Concurrently.run(16, i -> Http.postJson(realm.tokensUrl(), bearer, Map.of("name", "room " + i)));
        assertEquals(16, Concurrently.count(answers, 201), answers.toString());
    }

    @Test
    void sixteenSimultaneousCreationsWithOneNameLeaveOneToken() {
        realm.createUser("namesake", "user");
        String bearer = realm.userToken("namesake");
        List<Http.Res> answers = Concurrently.run(16, i -> Http.postJson(realm.tokensUrl(), bearer, Map.of("name", "the same name")));
        assertNo5xx(answers);
        assertEquals(1, Concurrently.count(answers, 201), answers.toString());
        assertEquals(15, Concurrently.count(answers, 409), answers.toString());
        assertEquals(1, Http.get(realm.tokensUrl(), bearer).json().size());
    }

    @Test
    void sixteenSimultaneousDeletesOfOneTokenGiveOne204AndNo5xx() {
        realm.createUser("deleter", "user");
        String bearer = realm.userToken("deleter");
        String id = realm.createToken(bearer, "deleted at once").get("id").asText();
        List<Http.Res> answers = Concurrently.run(16, i -> Http.delete(realm.tokensUrl() + "/" + id, bearer));
        assertNo5xx(answers);
        assertEquals(1, Concurrently.count(answers, 204), answers.toString());
        assertEquals(15, Concurrently.count(answers, 404), answers.toString());
    }

    /** DELETE, revoke by value, the owner's DELETE and exchanges of the same token, all at once. */
    @Test
    void revokingFromEveryPlaceAtOnceNeverAnswers5xx() {
        realm.createUser("everywhere", "user");
        String bearer = realm.userToken("everywhere");
        String owner = realm.admin();
        JsonNode token = realm.createToken(bearer, "revoked everywhere");
        String id = token.get("id").asText();
        String secret = token.get("token").asText();
        List<Http.Res> answers = Concurrently.run(16, i -> switch (i % 4) {
            case 0 -> Http.delete(realm.tokensUrl() + "/" + id, bearer);
            case 1 -> realm.revokeByValue(secret);
            case 2 -> Http.delete(realm.adminUrl() + "/personal-tokens/" + id, owner);
            default -> realm.exchange(secret);
        });
        assertNo5xx(answers);
        Set<Integer> statuses = new HashSet<>();
        answers.forEach(r -> statuses.add(r.status()));
        assertTrue(Set.of(200, 204, 401, 404).containsAll(statuses), answers.toString());
        assertEquals(401, realm.exchange(secret).status());
    }
}
