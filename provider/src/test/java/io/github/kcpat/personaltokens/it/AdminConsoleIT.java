package io.github.kcpat.personaltokens.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** DESIGN §7: owners work in the realm's own admin console; driven in headless Chromium. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminConsoleIT {

    static TestRealm realm;
    static Browser browser;

    @BeforeAll
    static void setUp() {
        realm = TestRealm.create("admin-ui");
        realm.createUser("alice", "user");
        realm.createUser("bob", "user", "admin");
        realm.createUser("owner");
        AdminApiIT.grantManagementRoles(realm, "owner", "manage-users", "query-users", "view-users", "view-realm");
        realm.createUser("viewer");
        AdminApiIT.grantManagementRoles(realm, "viewer", "view-users", "query-users");
        browser = Browser.launch();
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    static String userId(String username) {
        return Http.get(realm.adminUrl() + "/users?exact=true&username=" + username, realm.admin()).json().get(0).get("id").asText();
    }

    static JsonNode ownerAssigns(String username, Map<String, Object> token) {
        Map<String, Object> body = new HashMap<>(token);
        body.put("userId", userId(username));
        Http.Res res = Http.postJson(realm.adminUrl() + "/personal-tokens", AdminApiIT.adminTokenOf(realm, "owner"), body);
        assertEquals(201, res.status(), res.toString());
        return res.json();
    }

    /** Row actions sit in the row's kebab menu (PatternFly's actions column). */
    static void rowAction(Locator row, String action) {
        row.getByTestId("owner-row-kebab").click();
        row.getByTestId(action).click();
    }

    static Page openOwnerPage(String username) {
        Page page = browser.newPage();
        page.navigate(realm.server.baseUrl() + "/admin/" + realm.name + "/console/");
        Browser.login(page, username, TestRealm.PASSWORD);
        Browser.awaitOrCapture(page, "[data-testid=nav-personal-tokens]", "admin-nav-" + username);
        page.getByTestId("nav-personal-tokens").click();
        Browser.awaitOrCapture(page, "[data-testid=tab-tokens]", "admin-page-" + username);
        return page;
    }

    @Test
    @Order(1)
    void ownerAssignsCopiesAndRevokesFromTheConsole() {
        Page page = openOwnerPage("owner");
        page.getByTestId("assign-token").click();
        page.getByTestId("assign-user").locator("input").fill("alice");
        page.getByTestId("assign-user-option").filter(new Locator.FilterOptions().setHasText("alice")).click();
        page.getByTestId("assign-name").fill("from the console");
        page.getByTestId("assign-submit").click();

        Locator secretField = page.getByTestId("owner-token-secret").locator("input");
        assertThat(secretField).isVisible();
        String secret = secretField.inputValue();
        assertTrue(secret.startsWith("kcpat_"), secret);
        assertEquals(200, realm.exchange(secret).status());
        page.getByTestId("owner-secret-done").click();

        Locator row = page.locator("[data-testid=owner-token-row][data-token-name='from the console']");
        assertThat(row).containsText("alice");
        assertThat(row).containsText("owner");
        rowAction(row, "owner-revoke");
        page.getByTestId("owner-confirm").click();
        assertThat(row).hasCount(0);
        assertEquals(401, realm.exchange(secret).status());
    }

    @Test
    @Order(2)
    void viewOnlyAdminSeesTheListButNoWriteActions() {
        ownerAssigns("bob", Map.of("name", "deploy bot", "role", "admin"));
        assertEquals(201, Http.postJson(realm.tokensUrl(), realm.userToken("alice"), Map.of("name", "laptop")).status());

        Page page = openOwnerPage("viewer");
        assertThat(page.locator("[data-testid=owner-token-row]")).hasCount(2);
        assertThat(page.getByTestId("assign-token")).hasCount(0);
        assertThat(page.getByTestId("owner-revoke")).hasCount(0);
        // The kebab holds only what a viewer may do: narrow the list to one user.
        Locator first = page.locator("[data-testid=owner-token-row]").first();
        first.getByTestId("owner-row-kebab").click();
        assertThat(first.getByTestId("owner-filter-user")).isVisible();
        assertThat(page.getByTestId("owner-revoke")).hasCount(0);
        assertThat(page.getByTestId("owner-rotate")).hasCount(0);
        first.getByTestId("owner-row-kebab").click();
        page.getByTestId("tab-policy").click();
        assertThat(page.getByTestId("policy-json")).containsText("tokenPrefix");
        assertThat(page.getByTestId("policy-save")).hasCount(0);
        assertThat(page.getByTestId("policy-maxAuthAgeSeconds")).hasAttribute("readonly", "");
    }

    @Test
    @Order(3)
    void ownerPageScreenshot() {
        Page page = openOwnerPage("owner");
        page.setViewportSize(1280, 800);
        assertThat(page.locator("[data-testid=owner-token-row]")).hasCount(2);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of(System.getProperty("kcpat.screenshots"), "admin-personal-tokens.png")));
    }

    static Page openUserTab(String admin, String username) {
        String userId = userId(username);
        Page page = browser.newPage();
        page.navigate(realm.server.baseUrl() + "/admin/" + realm.name + "/console/#/" + realm.name + "/users/" + userId + "/settings");
        Browser.login(page, admin, TestRealm.PASSWORD);
        Browser.awaitOrCapture(page, "[data-testid=user-personal-tokens-tab]", "admin-user-tab-" + admin);
        page.getByTestId("user-personal-tokens-tab").click();
        Browser.awaitOrCapture(page, "[data-testid=owner-tokens-table], [data-testid=no-tokens]", "admin-user-tab-panel-" + admin);
        // The tab renders inside the user's own details page: its header and tab bar stay.
        assertThat(page).hasURL(Pattern.compile("/users/" + userId + "/personal-tokens$"));
        assertThat(page.locator(".kc-username-view-header")).containsText(username);
        assertThat(page.locator("li.pf-v5-c-tabs__item.pf-m-current")).containsText("Personal API tokens");
        assertThat(page.getByTestId("user-details-tab")).isVisible();
        return page;
    }

    @Test
    @Order(4)
    void theUserDetailsTabListsAssignsAndRevokesThatUsersTokens() {
        String ciSecret = realm.createToken(realm.userToken("alice"), "ci").get("token").asText();
        Page page = openUserTab("owner", "alice");

        // alice's two tokens (laptop, ci); bob's deploy bot is not on her page.
        Locator rows = page.locator("[data-testid=owner-token-row]");
        assertThat(rows).hasCount(2);
        assertThat(page.locator("[data-testid=owner-token-row][data-token-name='deploy bot']")).hasCount(0);

        page.getByTestId("assign-token").click();
        assertThat(page.getByTestId("assign-fixed-user")).hasValue("alice");
        page.getByTestId("assign-name").fill("from alice's page");
        page.getByTestId("assign-submit").click();
        String assigned = page.getByTestId("owner-token-secret").locator("input").inputValue();
        assertEquals(200, realm.exchange(assigned).status());
        page.getByTestId("owner-secret-done").click();
        assertThat(rows).hasCount(3);

        Locator row = page.locator("[data-testid=owner-token-row][data-token-name=\"from alice's page\"]");
        assertThat(row).containsText("owner");
        rowAction(row, "owner-revoke");
        page.getByTestId("owner-confirm").click();
        assertThat(rows).hasCount(2);
        assertEquals(401, realm.exchange(assigned).status());
        assertEquals(200, realm.exchange(ciSecret).status());

        page.getByTestId("user-revoke-all").click();
        page.getByTestId("owner-confirm").click();
        assertThat(page.getByTestId("no-tokens")).isVisible();
        assertEquals(401, realm.exchange(ciSecret).status());
        // bob's token was not touched by revoking all of alice's.
        assertThat(openOwnerPage("owner").locator("[data-testid=owner-token-row][data-token-name='deploy bot']")).hasCount(1);
    }

    @Test
    @Order(5)
    void theUserDetailsTabIsReadOnlyForAViewOnlyAdmin() {
        Page page = openUserTab("viewer", "bob");
        assertThat(page.locator("[data-testid=owner-token-row][data-token-name='deploy bot']")).isVisible();
        assertThat(page.getByTestId("assign-token")).hasCount(0);
        assertThat(page.getByTestId("owner-revoke")).hasCount(0);
        assertThat(page.getByTestId("user-revoke-all")).hasCount(0);
        assertThat(page.getByTestId("owner-row-kebab")).hasCount(0);

        // The stock tabs still work after the patch that added ours.
        page.getByTestId("user-details-tab").click();
        assertThat(page).hasURL(Pattern.compile("/users/[^/]+/settings$"));
        assertThat(page.getByTestId("owner-tokens-table")).hasCount(0);
        assertThat(page.locator("li.pf-v5-c-tabs__item.pf-m-current")).containsText("Details");
    }

    @Test
    @Order(6)
    void userDetailsTabScreenshot() {
        ownerAssigns("alice", Map.of("name", "nightly export", "expiresInDays", 30));
        assertEquals(201, Http.postJson(realm.tokensUrl(), realm.userToken("alice"), Map.of("name", "laptop")).status());
        Page page = openUserTab("owner", "alice");
        assertThat(page.locator("[data-testid=owner-token-row]")).hasCount(2);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of(System.getProperty("kcpat.screenshots"), "admin-user-personal-tokens.png")));
    }

    /** DESIGN §9.3 from the owner page: the new secret is shown once, works, and the old one stops at once. */
    @Test
    @Order(7)
    void ownerRotatesATokenFromTheKebab() {
        JsonNode made = ownerAssigns("bob", Map.of("name", "release signer", "role", "admin"));
        String oldSecret = made.get("token").asText();
        Page page = openOwnerPage("owner");
        Locator row = page.locator("[data-testid=owner-token-row][data-token-name='release signer']");
        rowAction(row, "owner-rotate");
        assertThat(page.getByRole(AriaRole.DIALOG)).containsText("Rotate \"release signer\"?");
        page.getByTestId("confirm-rotate").click();

        String newSecret = ConsoleChecks.shownSecret(page, "owner-");
        ConsoleChecks.assertOnlyTheNewSecretWorks(realm, oldSecret, newSecret);
        page.getByTestId("owner-secret-done").click();
        assertThat(row.getByTestId("rotated-at")).containsText("Rotated");
    }

    /** DESIGN §10.2 from the assign dialog: a token usable from 127.0.0.2 only, and the API's 400 shown. */
    @Test
    @Order(8)
    void ownerAssignsATokenForOneNetwork() {
        Page page = openUserTab("owner", "alice");
        page.getByTestId("assign-token").click();
        page.getByTestId("assign-name").fill("build box only");
        String secret = ConsoleChecks.submitWithTheBuildBoxOnly(page, ConsoleChecks.ASSIGN, "10.0.0.0/33");
        String id = Http.get(realm.adminUrl() + "/personal-tokens?search=build%20box%20only", realm.admin()).json().get(0).get("id").asText();
        ConsoleChecks.assertUsableFromTheBuildBoxOnly(realm, secret,
                Http.get(realm.adminUrl() + "/personal-tokens/" + id, realm.admin()).json());
        // Closing the dialog refreshes the list, which now shows the use from the build box.
        page.getByTestId("owner-secret-done").click();

        Locator row = page.locator("[data-testid=owner-token-row][data-token-name='build box only']");
        assertThat(row.getByTestId("allowed-networks")).hasText(ConsoleChecks.BUILD_BOX + "/32");
        assertThat(row.getByTestId("last-used-ip")).hasText("from " + ConsoleChecks.BUILD_BOX);
    }

    /**
     * The owner table fits a 1280x800 window: every row's kebab and the total count are on screen,
     * nothing overflows sideways, and "Revoke all" appears only once the list is one user's.
     */
    @Test
    @Order(9)
    void theOwnerTableFitsA1280PixelWindow() {
        String longName = "quarterly compliance export for the finance data warehouse";
        ownerAssigns("bob", Map.of("name", longName, "role", "admin",
                "allowedNetworks", List.of("10.0.0.0/8", "192.168.100.0/24", "2001:db8:1234::/48")));
        Page page = openOwnerPage("owner");
        page.setViewportSize(1280, 800);
        Locator rows = page.locator("[data-testid=owner-token-row]");
        assertThat(page.locator("[data-testid=owner-token-row][data-token-name='" + longName + "']")).isVisible();
        int total = Integer.parseInt(Http.get(realm.adminUrl() + "/personal-tokens?max=1", realm.admin()).header("X-Total-Count"));
        assertThat(page.getByTestId("token-count")).isVisible();
        assertThat(page.getByTestId("token-count")).hasText(total + " tokens");
        assertThat(rows).hasCount(Math.min(total, 20));

        assertEquals(List.of(), page.evaluate("""
                () => {
                  const problems = [];
                  const doc = document.scrollingElement;
                  if (doc.scrollWidth > innerWidth) problems.push(`page ${doc.scrollWidth} > ${innerWidth}`);
                  for (const el of document.querySelectorAll('.pf-v5-c-page__main, .pf-v5-c-page__main-section, [data-testid=owner-tokens-table]')) {
                    if (el.scrollWidth > el.clientWidth) problems.push(`${el.className} ${el.scrollWidth} > ${el.clientWidth}`);
                  }
                  const table = document.querySelector('[data-testid=owner-tokens-table]').getBoundingClientRect();
                  if (table.right > innerWidth) problems.push(`table ends at ${table.right}`);
                  document.querySelectorAll('[data-testid=owner-row-kebab], [data-testid=token-count]').forEach((el) => {
                    const box = el.getBoundingClientRect();
                    if (box.left < 0 || box.right > innerWidth) problems.push(`${el.dataset.testid} at ${box.left}-${box.right}`);
                  });
                  return problems;
                }"""), "nothing may overflow at 1280x800");
        for (int i = 0; i < rows.count(); i++) {
            assertThat(rows.nth(i).getByTestId("owner-row-kebab")).isVisible();
        }

        // "Revoke all" belongs to one user's list: not on the whole realm's, but once filtered to bob.
        assertThat(page.getByTestId("user-revoke-all")).hasCount(0);
        rowAction(page.locator("[data-testid=owner-token-row][data-token-name='" + longName + "']"), "owner-filter-user");
        assertThat(page.getByTestId("user-filter")).hasText("User: bob");
        assertThat(page.getByTestId("user-revoke-all")).hasText("Revoke all of bob");
        String bobs = Http.get(realm.adminUrl() + "/personal-tokens?max=1&userId=" + userId("bob"), realm.admin()).header("X-Total-Count");
        assertThat(page.getByTestId("token-count")).hasAttribute("data-count", bobs);
        assertThat(rows).hasCount(Integer.parseInt(bobs));
        for (String username : rows.locator("td:first-child").allInnerTexts()) {
            assertEquals("bob", username);
        }
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of(System.getProperty("kcpat.screenshots"), "admin-personal-tokens-1280.png")));
    }

    /** The policy tab shows and edits the DESIGN §10.6 fields, shows the API's messages, and warns about offline idle. */
    @Test
    @Order(10)
    void thePolicyTabEditsTheNewFieldsAndWarnsAboutOfflineIdle() {
        realm.updateRealm(Map.of("offlineSessionIdleTimeout", 30 * 24 * 3600));
        AdminApiIT.grantManagementRoles(realm, "owner", "manage-realm");
        Page page = openOwnerPage("owner");
        page.getByTestId("tab-policy").click();
        assertThat(page.getByTestId("policy-maxAuthAgeSeconds")).hasValue("1800");
        assertThat(page.getByTestId("policy-expiryNoticeDays")).hasValue("7, 1");
        assertThat(page.getByTestId("policy-revokeAfterDaysUnused")).hasValue("0");
        // 30 days of offline idle against a 365-day longest lifetime.
        assertThat(page.getByTestId("offline-idle-warning")).containsText("Tokens die unused before they expire");

        page.getByTestId("policy-maxAuthAgeSeconds").fill("-5");
        page.getByTestId("policy-save").click();
        assertThat(page.getByTestId("policy-error")).containsText("maxAuthAgeSeconds must not be negative");
        assertThat(page.getByTestId("policy-maxAuthAgeSeconds-error")).containsText("must not be negative");

        page.getByTestId("policy-maxAuthAgeSeconds").fill("600");
        page.getByTestId("policy-expiryNoticeDays").fill("14, 3");
        page.getByTestId("policy-revokeAfterDaysUnused").fill("60");
        page.getByTestId("policy-maxExpiresInDays").fill("30");
        page.getByTestId("policy-defaultExpiresInDays").fill("30");
        Locator admin = page.locator("[data-testid=policy-role][data-role=admin]");
        admin.getByTestId("policy-role-maxExpiresInDays").fill("7");
        admin.getByTestId("policy-role-requireAllowedNetworks").check();
        page.getByTestId("policy-save").click();
        assertThat(page.getByTestId("policy-saved")).isVisible();
        assertThat(page.getByTestId("offline-idle-warning")).hasCount(0);

        JsonNode policy = Http.get(realm.adminUrl() + "/personal-tokens/policy", realm.admin()).json();
        assertEquals(600, policy.get("maxAuthAgeSeconds").asInt());
        assertEquals("[14,3]", policy.get("expiryNoticeDays").toString());
        assertEquals(60, policy.get("revokeAfterDaysUnused").asInt());
        assertEquals(30, policy.get("maxExpiresInDays").asInt());
        JsonNode adminRole = policy.get("roles").get(0);
        assertEquals("admin", adminRole.get("role").asText());
        assertEquals(7, adminRole.get("maxExpiresInDays").asInt());
        assertTrue(adminRole.get("requireAllowedNetworks").asBoolean());

        // A role limit above the policy's own is the API's to refuse; its message lands on that role.
        admin.getByTestId("policy-role-maxExpiresInDays").fill("90");
        page.getByTestId("policy-save").click();
        assertThat(admin.getByTestId("policy-role-error")).containsText("role 'admin' maxExpiresInDays");
    }
}
