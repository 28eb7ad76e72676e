package io.github.kcpat.personaltokens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §10.3 and §10.4 against a real SMTP server on loopback: expiry and inactivity notices,
 * once per token and threshold however many times the scheduled task runs, the revocation
 * emails of revoke by value and of secret reuse, retries after a refused delivery, and the
 * inactivity revoke. The server's scheduled task runs every few seconds in the tests.
 */
class NoticesIT {

    static final String FRONTEND = "https://id.example.test";
    static final String HOSTILE_NAME = "<script>alert(\"x\")</script> & \"quoted\"";
    static final int QUIET_SWEEPS_MILLIS = 3 * KeycloakServer.CLEANUP_INTERVAL_SECONDS * 1000;
    static Mailbox mailbox;
    static TestRealm realm;

    @BeforeAll
    static void setUp() {
        mailbox = Mailbox.started();
        realm = mailingRealm("notices", mailbox);
    }

    @AfterAll
    static void tearDown() {
        mailbox.close();
    }

    static TestRealm mailingRealm(String name, Mailbox box) {
        TestRealm r = TestRealm.create(name);
        r.updateRealm(Map.of("smtpServer", box.smtpSettings(), "attributes", Map.of("frontendUrl", FRONTEND)));
        return r;
    }

    static String email(String username) {
        return username + "@example.test";
    }

    @Test
    void aTokenMadeInsideAThresholdGetsThatNoticeOnceEscapedAndWithoutTheSecret() {
        realm.createUser("expiring", "user");
        JsonNode token = realm.createToken(realm.userToken("expiring"), Map.of("name", HOSTILE_NAME, "expiresInDays", 1));
        List<Mailbox.Mail> mails = mailbox.await(email("expiring"), 1);
        assertEquals(1, mails.size(), mails.toString());
        Mailbox.Mail mail = mails.get(0);
        assertEquals("Your personal API token expires soon", mail.subject());
        String expiresUtc = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC)
                .format(Instant.parse(token.get("expiresAt").asText()));
        for (String body : List.of(mail.html(), mail.text())) {
            assertTrue(body.contains(expiresUtc), body);
            assertTrue(body.contains(FRONTEND + "/realms/" + realm.name + "/account/personal-tokens"), body);
            assertTrue(body.contains(token.get("hint").asText()), body);
            assertFalse(body.contains(token.get("token").asText()), "no secret in an email");
        }
        assertTrue(mail.html().contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quoted&quot;"), mail.html());
        assertFalse(mail.html().contains("<script>"), mail.html());
        assertTrue(mail.text().contains(HOSTILE_NAME), mail.text());

        KeycloakServer.sleep(QUIET_SWEEPS_MILLIS);
        assertEquals(1, mailbox.to(email("expiring")).size(), "several runs of the task, still one email");
    }

    @Test
    void eachThresholdIsNoticedOnceAsTheDeadlineComesCloser() {
        realm.createUser("approaching", "user");
        realm.createToken(realm.userToken("approaching"), Map.of("name", "ten days", "expiresInDays", 10));
        KeycloakServer.sleep(QUIET_SWEEPS_MILLIS);
        assertEquals(0, mailbox.to(email("approaching")).size(), "no threshold passed yet");
        try {
            Clock.shift(realm.server, 4 * 86_400);
            assertEquals(1, mailbox.await(email("approaching"), 1).size(), "the 7-day notice");
            KeycloakServer.sleep(QUIET_SWEEPS_MILLIS);
            assertEquals(1, mailbox.to(email("approaching")).size());
            Clock.shift(realm.server, 9 * 86_400 + 43_200);
            assertEquals(2, mailbox.await(email("approaching"), 2).size(), "the 1-day notice");
            KeycloakServer.sleep(QUIET_SWEEPS_MILLIS);
            assertEquals(2, mailbox.to(email("approaching")).size());
        } finally {
            Clock.shift(realm.server, 0);
        }
    }

    @Test
    void revocationByValueAndSecretReuseEachSendOneEmail() {
        realm.createUser("leaked", "user");
        String bearer = realm.userToken("leaked");
        JsonNode reported = realm.createToken(bearer, "reported one");
        assertEquals(200, realm.revokeByValue(reported.get("token").asText()).status());
        JsonNode reused = realm.createToken(bearer, "reused one");
        Http.Res rotated = Http.send("POST", realm.tokensUrl() + "/" + reused.get("id").asText() + "/rotate", bearer, null, null);
        assertEquals(200, rotated.status(), rotated.toString());
        try {
            Clock.shift(realm.server, KeycloakServer.REUSE_GRACE_SECONDS + 1);
            assertEquals(401, realm.exchange(reused.get("token").asText()).status());
        } finally {
            Clock.shift(realm.server, 0);
        }
        List<Mailbox.Mail> mails = mailbox.await(email("leaked"), 2);
        assertEquals(2, mails.size(), mails.toString());
        assertTrue(mails.stream().anyMatch(m -> m.subject().contains("reported as exposed") && m.text().contains("reported one")), mails.toString());
        assertTrue(mails.stream().anyMatch(m -> m.subject().contains("old secret was reused") && m.text().contains("reused one")), mails.toString());
        KeycloakServer.sleep(QUIET_SWEEPS_MILLIS);
        assertEquals(2, mailbox.to(email("leaked")).size());
    }

    @Test
    void aRefusedDeliveryIsRetriedAtTheNextRun() {
        try (Mailbox late = Mailbox.notYetStarted()) {
            TestRealm down = mailingRealm("notices-down", late);
            down.createUser("patient", "user");
            down.createToken(down.userToken("patient"), Map.of("name", "waits for smtp", "expiresInDays", 1));
            KeycloakServer.sleep(QUIET_SWEEPS_MILLIS);
            late.start();
            assertEquals(1, late.await(email("patient"), 1).size(), "delivered once the server accepts");
            KeycloakServer.sleep(QUIET_SWEEPS_MILLIS);
            assertEquals(1, late.to(email("patient")).size());
        }
    }

    @Test
    void aUserWithoutEmailGetsNoneAndOthersStillGetTheirs() {
        String noEmail = realm.createUser("silent", "user");
        Http.Res cleared = Http.putJson(realm.adminUrl() + "/users/" + noEmail, realm.admin(), Map.of("email", ""));
        assertEquals(204, cleared.status(), cleared.toString());
        // Keycloak's user profile will not sign in a user without email, so the owner assigns it.
        Http.Res assigned = Http.postJson(realm.adminUrl() + "/personal-tokens", realm.admin(),
                Map.of("username", "silent", "name", "nobody to tell", "expiresInDays", 1));
        assertEquals(201, assigned.status(), assigned.toString());
        realm.createUser("told", "user");
        realm.createToken(realm.userToken("told"), Map.of("name", "somebody to tell", "expiresInDays", 1));
        assertEquals(1, mailbox.await(email("told"), 1).size());
        assertEquals(0, mailbox.to(email("silent")).size());
    }

    @Test
    void anUnusedTokenIsNoticedBeforeTheOfflineIdleEndsIt() {
        TestRealm idle = mailingRealm("notices-idle", mailbox);
        idle.updateRealm(Map.of("offlineSessionIdleTimeout", 8 * 86_400));
        idle.createUser("idler", "user");
        JsonNode token = idle.createToken(idle.userToken("idler"), Map.of("name", "left alone", "expiresInDays", 90));
        Instant idleExpiresAt = Instant.parse(token.get("idleExpiresAt").asText());
        assertTrue(idleExpiresAt.isBefore(Instant.parse(token.get("expiresAt").asText())), token.toString());
        try {
            Clock.shift(idle.server, 2 * 86_400);
            List<Mailbox.Mail> mails = mailbox.await(email("idler"), 1);
            assertEquals(1, mails.size(), mails.toString());
            assertTrue(mails.get(0).subject().contains("unused"), mails.get(0).subject());
            assertTrue(mails.get(0).text().contains("left alone"), mails.get(0).text());
        } finally {
            Clock.shift(idle.server, 0);
        }
    }

    @Test
    void theTaskRevokesTokensUnusedForThePolicysDays() {
        TestRealm strict = TestRealm.create("unused");
        strict.setPolicyAttribute("{\"revokeAfterDaysUnused\":3}");
        strict.createUser("forgetful", "user");
        String bearer = strict.userToken("forgetful");
        JsonNode unused = strict.createToken(bearer, "never used");
        JsonNode used = strict.createToken(bearer, "used");
        try {
            Clock.shift(strict.server, 2 * 86_400);
            assertEquals(200, strict.exchange(used.get("token").asText()).status());
            Clock.shift(strict.server, 4 * 86_400);
            long deadline = System.currentTimeMillis() + 60_000;
            while (!strict.revokedWithReason(unused.get("id").asText(), "unused") && System.currentTimeMillis() < deadline) {
                KeycloakServer.sleep(500);
            }
            assertTrue(strict.revokedWithReason(unused.get("id").asText(), "unused"));
            assertEquals(401, strict.exchange(unused.get("token").asText()).status());
            assertEquals(200, strict.exchange(used.get("token").asText()).status(), "used two days ago: not yet");
        } finally {
            Clock.shift(strict.server, 0);
        }
    }
}
