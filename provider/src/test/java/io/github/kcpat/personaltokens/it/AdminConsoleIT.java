package io.github.kcpat.personaltokens.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.HashMap;
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

    static void ownerAssigns(String username, Map<String, Object> token) {
        Map<String, Object> body = new HashMap<>(token);
        body.put("userId", userId(username));
        Http.Res res = Http.postJson(realm.adminUrl() + "/personal-tokens", AdminApiIT.adminTokenOf(realm, "owner"), body);
        assertEquals(201, res.status(), res.toString());
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
        row.getByTestId("owner-revoke").click();
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
        page.getByTestId("tab-policy").click();
        assertThat(page.getByTestId("policy-json")).containsText("tokenPrefix");
        assertThat(page.getByTestId("policy-save")).hasCount(0);
    }

    @Test
    @Order(3)
    void ownerPageScreenshot() {
        Page page = openOwnerPage("owner");
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
        row.getByTestId("owner-revoke").click();
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
}
