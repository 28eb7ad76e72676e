package io.github.kcpat.personaltokens.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** DESIGN §7: the "Personal API tokens" page of the account console, driven in headless Chromium. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountConsoleIT {

    static final int STEP_UP_MAX_AGE = 60;

    static TestRealm realm;
    static Browser browser;

    @BeforeAll
    static void setUp() {
        realm = TestRealm.create("account-ui");
        realm.createUser("alice", "user");
        realm.createUser("owner");
        AdminApiIT.grantManagementRoles(realm, "owner", "manage-users");
        browser = Browser.launch();
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    static Page openTokensPage(String username) {
        Page page = browser.newPage();
        page.navigate(realm.url() + "/account/personal-tokens");
        Browser.login(page, username, TestRealm.PASSWORD);
        Browser.awaitOrCapture(page, "h1:has-text('Personal API tokens')", "account-" + username);
        return page;
    }

    @Test
    @Order(1)
    void aliceGeneratesExchangesAndRevokesAToken() {
        Page page = openTokensPage("alice");
        assertThat(page.getByTestId("empty-state")).isVisible();
        assertThat(page.getByTestId("empty-state")).containsText("X-Refresh-Token");
        assertThat(page.locator("nav").getByText("Personal API tokens")).isVisible();

        page.getByTestId("generate-token").click();
        page.getByLabel("Name").fill("laptop script");
        assertEquals(0, page.getByTestId("token-role").count(), "alice holds one role: no role choice");
        page.getByTestId("token-expiry").selectOption("30");
        page.getByTestId("generate-submit").click();

        Locator secretField = page.getByTestId("token-secret").locator("input");
        assertThat(secretField).isVisible();
        assertThat(page.getByTestId("secret-dialog")).containsText("You won't be able to see it again");
        String secret = secretField.inputValue();
        assertTrue(secret.startsWith("kcpat_"), secret);
        assertEquals(200, realm.exchange(secret).status());
        page.getByTestId("secret-done").click();

        Locator row = page.locator("[data-testid=token-row][data-token-name='laptop script']");
        assertThat(row).isVisible();
        assertThat(row).containsText("api:read");
        assertThat(row).containsText(secret.substring(secret.length() - 4));

        row.getByTestId("revoke-token").click();
        assertThat(page.getByRole(AriaRole.DIALOG)).containsText("Revoke \"laptop script\"?");
        page.getByTestId("confirm-revoke").click();
        assertThat(page.getByTestId("empty-state")).isVisible();
        assertEquals(401, realm.exchange(secret).status());
    }

    @Test
    @Order(2)
    void errorsAreShownInTheDialog() {
        realm.createUser("carol", "user");
        String bearer = realm.userToken("carol");
        realm.createToken(bearer, "taken");
        Page page = openTokensPage("carol");
        page.getByTestId("generate-token").click();
        page.getByLabel("Name").fill("taken");
        page.getByTestId("generate-submit").click();
        assertThat(page.getByTestId("generate-error")).containsText("already exists");
    }

    @Test
    @Order(3)
    void assignedTokensShowTheirOwnerAndTheListIsTheReadmeScreenshot() {
        String owner = AdminApiIT.adminTokenOf(realm, "owner");
        String aliceId = Http.get(realm.adminUrl() + "/users?exact=true&username=alice", realm.admin()).json().get(0).get("id").asText();
        Http.Res assigned = Http.postJson(realm.adminUrl() + "/personal-tokens", owner,
                Map.of("userId", aliceId, "name", "deploy bot", "expiresInDays", 5));
        assertEquals(201, assigned.status(), assigned.toString());
        // DESIGN §10.5 columns with something in them: used from 127.0.0.1, limited to two networks, rotated.
        String bearer = realm.userToken("alice");
        JsonNode ci = realm.createToken(bearer, Map.of("name", "ci pipeline", "expiresInDays", 90,
                "allowedNetworks", List.of("127.0.0.1/32", "10.0.0.0/8")));
        assertEquals(200, realm.exchange(ci.get("token").asText()).status());
        Http.Res rotated = Http.send("POST", realm.tokensUrl() + "/" + ci.get("id").asText() + "/rotate", bearer, null, null);
        assertEquals(200, rotated.status(), rotated.toString());

        Page page = openTokensPage("alice");
        Locator row = page.locator("[data-testid=token-row][data-token-name='deploy bot']");
        assertThat(row.getByTestId("assigned-by")).hasText("Assigned by owner");
        assertThat(row.getByTestId("expires-soon")).isVisible();
        assertThat(page.locator("[data-testid=token-row]")).hasCount(2);
        Locator ciRow = page.locator("[data-testid=token-row][data-token-name='ci pipeline']");
        assertThat(ciRow.getByTestId("last-used-ip")).hasText("from 127.0.0.1");
        assertThat(ciRow.getByTestId("allowed-networks")).containsText("127.0.0.1/32");
        assertThat(ciRow.getByTestId("rotated-at")).containsText("Rotated");
        // The realm's offline idle (30 days) ends an unused token long before its 90 days.
        assertThat(ciRow.getByTestId("idle-expires")).containsText("Dies unused on");
        assertThat(row.getByTestId("allowed-networks")).hasText("Anywhere");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of(System.getProperty("kcpat.screenshots"), "account-personal-tokens.png")));
    }

    /** DESIGN §9.3 in the console: the new secret is shown once, works, and the old one stops at once. */
    @Test
    @Order(4)
    void aliceRotatesATokenAndOnlyTheNewSecretWorks() {
        realm.createUser("frank", "user");
        JsonNode made = realm.createToken(realm.userToken("frank"), Map.of("name", "nightly job", "expiresInDays", 30));
        String oldSecret = made.get("token").asText();
        Page page = openTokensPage("frank");
        Locator row = page.locator("[data-testid=token-row][data-token-name='nightly job']");
        assertThat(row.getByTestId("rotated-at")).hasCount(0);

        row.getByTestId("rotate-token").click();
        assertThat(page.getByRole(AriaRole.DIALOG)).containsText("Rotate \"nightly job\"?");
        page.getByTestId("rotate-days").fill("10");
        page.getByTestId("confirm-rotate").click();

        String newSecret = ConsoleChecks.shownSecret(page, "");
        ConsoleChecks.assertOnlyTheNewSecretWorks(realm, oldSecret, newSecret);
        page.getByTestId("secret-done").click();

        assertThat(row.getByTestId("rotated-at")).containsText("Rotated");
        assertThat(row).containsText(newSecret.substring(newSecret.length() - 4));
        JsonNode token = Http.get(realm.tokensUrl() + "/" + made.get("id").asText(), realm.userToken("frank")).json();
        long days = java.time.Duration.between(java.time.Instant.now(), java.time.Instant.parse(token.get("expiresAt").asText())).toDays();
        assertTrue(days >= 9 && days <= 10, "the new lifetime asked for: " + token);
    }

    /** DESIGN §10.2 in the console: the API's 400 in the dialog, then a token usable from 127.0.0.2 only. */
    @Test
    @Order(5)
    void aTokenMadeForOneNetworkIsRefusedFromAnother() {
        realm.createUser("gina", "user");
        Page page = openTokensPage("gina");
        page.getByTestId("generate-token").click();
        page.getByLabel("Name").fill("from the build box");
        String secret = ConsoleChecks.submitWithTheBuildBoxOnly(page, ConsoleChecks.GENERATE, "not-a-network");
        page.getByTestId("secret-done").click();

        Locator row = page.locator("[data-testid=token-row][data-token-name='from the build box']");
        assertThat(row.getByTestId("allowed-networks")).hasText(ConsoleChecks.BUILD_BOX + "/32");
        JsonNode token = Http.get(realm.tokensUrl() + "/" + row.getAttribute("data-token-id"), realm.userToken("gina")).json();
        ConsoleChecks.assertUsableFromTheBuildBoxOnly(realm, secret, token);
    }

    /**
     * DESIGN §9.4 in the browser: a sign-in older than the policy allows is sent through the login
     * page on Generate, and the console finishes the creation on return, showing the secret once.
     * The server's clock is moved on rather than waited for.
     */
    @Test
    @Order(6)
    void anOldSignInIsSentThroughTheLoginPageAndEndsWithTheNewToken() {
        TestRealm stepUp = TestRealm.create("account-stepup");
        stepUp.setPolicyAttribute("{\"maxAuthAgeSeconds\": " + STEP_UP_MAX_AGE + "}");
        stepUp.createUser("hank", "user");
        Page page = browser.newPage();
        page.navigate(stepUp.url() + "/account/personal-tokens");
        Browser.login(page, "hank", TestRealm.PASSWORD);
        Browser.awaitOrCapture(page, "[data-testid=empty-state]", "stepup-start");

        Clock.shift(stepUp.server, 2 * STEP_UP_MAX_AGE);
        try {
            page.getByTestId("generate-token").click();
            page.getByLabel("Name").fill("made after signing in again");
            page.getByTestId("token-networks").fill("127.0.0.0/8");
            page.getByTestId("generate-submit").click();

            Browser.awaitOrCapture(page, "#password", "stepup-login");
            assertThat(page).hasURL(Pattern.compile("/protocol/openid-connect/auth\\?.*max_age=" + STEP_UP_MAX_AGE));
            // Keycloak asks the known user for the password alone (re-authentication).
            if (page.locator("#username").isVisible()) {
                page.locator("#username").fill("hank");
            }
            page.locator("#password").fill(TestRealm.PASSWORD);
            page.locator("#kc-login").click();

            Browser.awaitOrCapture(page, "[data-testid=token-secret] input", "stepup-retried");
            assertEquals(200, stepUp.exchange(ConsoleChecks.shownSecret(page, "")).status());
            assertThat(page.getByTestId("secret-dialog")).containsText("Personal API token \"made after signing in again\"");
            assertNull(page.evaluate("() => sessionStorage.getItem('personal-tokens.pending-action')"),
                    "the pending action is gone once retried");
            page.getByTestId("secret-done").click();
            Locator row = page.locator("[data-testid=token-row][data-token-name='made after signing in again']");
            assertThat(row.getByTestId("allowed-networks")).hasText("127.0.0.0/8");
            assertThat(page.locator("[data-testid=token-row]")).hasCount(1);
        } finally {
            Clock.shift(stepUp.server, 0);
        }
    }

    /**
     * DESIGN §6.2, the one path that runs through the login flow: a password change with "Sign out
     * from other devices" removes the token's backing offline session. Unticked, the token lives on.
     */
    @Test
    @Order(7)
    void aPasswordChangeThatSignsOutOtherDevicesKillsTheTokens() {
        String daveId = realm.createUser("dave", "user");
        String secret = realm.createToken(realm.userToken("dave"), "survives a plain change").get("token").asText();
        String accessToken = realm.accessToken(secret);

        changePasswordAtLogin(daveId, "dave", TestRealm.PASSWORD, "Changed-456", false);
        assertEquals(200, realm.exchange(secret).status(), "a password change alone must not revoke");
        assertTrue(realm.introspectActive(accessToken));

        changePasswordAtLogin(daveId, "dave", "Changed-456", "Changed-789", true);
        assertEquals(401, realm.exchange(secret).status());
        assertEquals(400, realm.grant(secret).status());
        assertFalse(realm.introspectActive(accessToken), "access token minted before must be inactive");
        Http.Res list = Http.get(realm.adminUrl() + "/personal-tokens?userId=" + daveId, realm.admin());
        assertEquals(200, list.status(), list.toString());
        assertEquals(0, list.json().size(), list.body());
    }

    /** An admin asks for a new password; the user sets it at the next sign-in, as in real life. */
    static void changePasswordAtLogin(String userId, String username, String password, String newPassword,
            boolean signOutOtherDevices) {
        JsonNode user = Http.get(realm.adminUrl() + "/users/" + userId, realm.admin()).json();
        ((ObjectNode) user).putArray("requiredActions").add("UPDATE_PASSWORD");
        assertEquals(204, Http.putJson(realm.adminUrl() + "/users/" + userId, realm.admin(), user).status());

        Page page = browser.newPage();
        page.navigate(realm.url() + "/account/personal-tokens");
        Browser.login(page, username, password);
        Browser.awaitOrCapture(page, "#password-new", "update-password-" + username);
        page.locator("#password-new").fill(newPassword);
        page.locator("#password-confirm").fill(newPassword);
        page.locator("#logout-sessions").setChecked(signOutOtherDevices);
        page.locator("[type=submit]").first().click();
        Browser.awaitOrCapture(page, "h1:has-text('Personal API tokens')", "updated-password-" + username);
        page.context().close();
    }
}
