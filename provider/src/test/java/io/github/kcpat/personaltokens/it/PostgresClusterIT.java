package io.github.kcpat.personaltokens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * DESIGN §8: two Keycloak 26.7.3 nodes in production mode on loopback, sharing one PostgreSQL
 * database, clustered with Keycloak's default discovery (JDBC ping). Only the cross-node
 * properties are tested here; the rest of the suite covers behaviour on one node. The cluster
 * starts on the previous release and is upgraded in place to this build.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresClusterIT {

    static final String DATABASE = "kcpat_cluster";
    static KeycloakServer nodeA;
    static KeycloakServer nodeB;
    static TestRealm onA;
    static TestRealm onB;
    static String secret;
    static String tokenId;

    static String madeBeforeTheUpgrade;
    static String madeBeforeTheUpgradeId;

    /**
     * The previous release makes the database and a token; then both nodes move to this build,
     * whose new changesets upgrade the table in place.
     */
    @BeforeAll
    static void startCluster() {
        PostgresCluster.ensureDatabase(DATABASE);
        Path previous = PreviousRelease.providerJar();
        nodeA = KeycloakServer.launch("cluster-a", nodeCommand(), previous);
        onA = TestRealm.create(nodeA, "cluster");
        onA.createUser("clustered", "user");
        var old = onA.createToken(onA.userToken("clustered"), "made by the previous release");
        madeBeforeTheUpgrade = old.get("token").asText();
        madeBeforeTheUpgradeId = old.get("id").asText();
        assertEquals(200, onA.exchange(madeBeforeTheUpgrade).status());
        nodeA.stop();
        nodeA.replaceProvider(Path.of(System.getProperty("kcpat.providerJar")));
        nodeA.start();
        nodeB = KeycloakServer.launch("cluster-b", nodeCommand());
        onB = onA.on(nodeB);
    }

    @AfterAll
    static void stopCluster() {
        if (nodeB != null) {
            nodeB.stop();
        }
        if (nodeA != null) {
            nodeA.stop();
        }
    }

    static List<String> nodeCommand() {
        return PostgresCluster.nodeCommand(DATABASE);
    }

    @Test
    @Order(0)
    void aTokenOfThePreviousReleaseKeepsWorkingAndReadsWithTheNewFields() {
        assertEquals(200, onA.exchange(madeBeforeTheUpgrade).status());
        assertEquals(200, onB.grant(madeBeforeTheUpgrade).status());
        var read = Http.get(onB.tokensUrl() + "/" + madeBeforeTheUpgradeId, onB.userToken("clustered"));
        assertEquals(200, read.status(), read.toString());
        assertEquals("[]", read.json().get("allowedNetworks").toString());
        assertTrue(read.json().get("rotatedAt").isNull());
        assertFalse(read.json().get("idleExpiresAt").isNull());
        assertTrue(read.json().has("lastUsedIp"));
        var rotated = Http.send("POST", onB.tokensUrl() + "/" + madeBeforeTheUpgradeId + "/rotate", onB.userToken("clustered"), null, null);
        assertEquals(200, rotated.status(), "an old token rotates: " + rotated);
        madeBeforeTheUpgrade = rotated.json().get("token").asText();
        assertEquals(200, onA.exchange(madeBeforeTheUpgrade).status());
    }

    @Test
    @Order(1)
    void aTokenCreatedOnAExchangesOnB() {
        var created = onA.createToken(onA.userToken("clustered"), "made on A");
        secret = created.get("token").asText();
        tokenId = created.get("id").asText();
        Http.Res res = onB.exchange(secret);
        assertEquals(200, res.status(), res.toString());
        assertEquals(200, onB.grant(secret).status());
    }

    @Test
    @Order(2)
    void aRevokeOnBStopsTheTokenOnAAtOnce() {
        var other = onA.createToken(onA.userToken("clustered"), "revoked on B");
        String otherSecret = other.get("token").asText();
        String accessOnA = onA.accessToken(otherSecret);
        assertTrue(onA.introspectActive(accessOnA));
        assertEquals(204, Http.delete(onB.tokensUrl() + "/" + other.get("id").asText(), onB.userToken("clustered")).status());
        assertEquals(401, onA.exchange(otherSecret).status());
        assertFalse(onA.introspectActive(accessOnA), "an access token minted on A before the revoke on B");
    }

    @Test
    @Order(3)
    void aPolicyChangeOnAAppliesToAnExchangeOnB() {
        onA.setPolicyAttribute("{\"roles\":[{\"role\":\"user\",\"scopes\":[\"cluster:read\"]}]}");
        Http.Res res = onB.exchange(secret);
        assertEquals(200, res.status(), res.toString());
        assertEquals("cluster:read", res.json().get("scope").asText());
        onA.setPolicyAttribute("");
    }

    /** DESIGN §9.6 across the nodes: simultaneous creations split over A and B. */
    @Test
    @Order(4)
    void theLimitAndTheUniqueNameHoldAcrossBothNodes() {
        TestRealm limited = TestRealm.create(nodeA, "cluster-race");
        limited.setPolicyAttribute("{\"maxTokensPerUser\":10}");
        limited.createUser("racer", "user");
        TestRealm limitedOnB = limited.on(nodeB);
        // A sign-in on one node reaches the other a moment later; each node gets its own.
        String[] bearers = {limited.userToken("racer"), limitedOnB.userToken("racer")};
        TestRealm[] nodes = {limited, limitedOnB};
        List<Http.Res> answers = Concurrently.run(16, i ->
                Http.postJson(nodes[i % 2].tokensUrl(), bearers[i % 2], java.util.Map.of("name", "race " + i)));
        assertEquals(10, Concurrently.count(answers, 201), answers.toString());
        assertEquals(6, Concurrently.count(answers, 409), answers.toString());
        assertEquals(10, Http.get(limitedOnB.tokensUrl(), bearers[1]).json().size());

        limited.createUser("namesake", "user");
        String[] others = {limited.userToken("namesake"), limitedOnB.userToken("namesake")};
        List<Http.Res> same = Concurrently.run(16, i ->
                Http.postJson(nodes[i % 2].tokensUrl(), others[i % 2], java.util.Map.of("name", "one name")));
        assertEquals(1, Concurrently.count(same, 201), same.toString());
        assertEquals(15, Concurrently.count(same, 409), same.toString());
    }

    /** DESIGN §9.5: the failure budget is the cluster's, not each node's. */
    @Test
    @Order(5)
    void theFailureBudgetIsSharedByBothNodes() {
        SourceAddressHttp attacker = SourceAddressHttp.from(TestAddresses.next());
        for (int i = 0; i < 30; i++) {
            TestRealm node = i % 2 == 0 ? onA : onB;
            assertEquals(401, attacker.send("POST", node.tokensUrl() + "/access-token", null, "X-Refresh-Token", "kcpat_guess" + i).status());
        }
        for (TestRealm node : List.of(onA, onB)) {
            Http.Res throttled = attacker.send("POST", node.tokensUrl() + "/access-token", null, "X-Refresh-Token", secret);
            assertEquals(429, throttled.status(), throttled.toString());
        }
    }

    /** DESIGN §10.3: both nodes run the scheduled task; the user still gets exactly one email. */
    @Test
    @Order(6)
    void anExpiryNoticeIsSentOnceByTheCluster() {
        try (Mailbox mailbox = Mailbox.started()) {
            TestRealm mailing = TestRealm.create(nodeA, "cluster-mail");
            mailing.updateRealm(java.util.Map.of("smtpServer", mailbox.smtpSettings()));
            mailing.createUser("noticed", "user");
            mailing.createToken(mailing.userToken("noticed"), java.util.Map.of("name", "expires tomorrow", "expiresInDays", 1));
            assertEquals(1, mailbox.await("noticed@example.test", 1).size());
            KeycloakServer.sleep(4L * KeycloakServer.CLEANUP_INTERVAL_SECONDS * 1000);
            assertEquals(1, mailbox.to("noticed@example.test").size(), "one email, whichever node runs the task");
        }
    }

    @Test
    @Order(7)
    void stoppingALosesNoTokenAndARejoins() {
        nodeA.stop();
        assertEquals(200, onB.exchange(secret).status());
        var whileAway = onB.createToken(onB.userToken("clustered"), "made while A was down").get("token").asText();
        nodeA.start();
        assertEquals(200, onA.exchange(secret).status());
        assertEquals(200, onA.exchange(whileAway).status());
    }

    @Test
    @Order(8)
    void aFullRestartOfTheClusterKeepsTheTokens() {
        nodeB.stop();
        nodeA.stop();
        nodeA.start();
        nodeB.start();
        assertEquals(200, onA.exchange(secret).status());
        assertEquals(200, onB.exchange(secret).status());
        Http.Res list = Http.get(onB.tokensUrl() + "/" + tokenId, onB.userToken("clustered"));
        assertEquals(200, list.status(), list.toString());
        assertFalse(list.json().get("lastUsedAt").isNull());
    }

    /**
     * A newer build of the provider (the current JAR plus one more dated changeset) started on the
     * database made by this one: Liquibase applies only the new changeset and the tokens survive.
     */
    @Test
    @Order(9)
    void aNewerBuildAppliesOnlyItsNewChangesetAndKeepsTheTokens() throws IOException {
        Path upgraded = UpgradedProviderJar.build(Path.of(System.getProperty("kcpat.providerJar")),
                Path.of(System.getProperty("kcpat.workDir"), "provider-upgraded.jar"));
        nodeB.stop();
        nodeA.stop();
        nodeA.replaceProvider(upgraded);
        nodeB.replaceProvider(upgraded);
        nodeA.start();
        nodeB.start();
        assertEquals("2026-11-22-create-personal-token=1\n2026-12-02-notice-outbox=1\n2026-12-02-retired-secret=1\n"
                + "2026-12-02-token-lifecycle-columns=1\n" + UpgradedProviderJar.CHANGESET_ID + "=1",
                psql("select id || '=' || count(*) from databasechangelog_personal_t group by id order by id"));
        assertEquals("1", psql("select count(*) from information_schema.columns"
                + " where table_name = 'kcpat_personal_token' and column_name = 'upgrade_check'"));
        assertEquals(200, onA.exchange(secret).status());
        assertEquals(200, onB.exchange(secret).status());
    }

    private static String psql(String sql) {
        return PostgresCluster.psql(DATABASE, sql);
    }
}
