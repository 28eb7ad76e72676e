package io.github.kcpat.personaltokens.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.Map;
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
        String owner = AdminApiIT.adminTokenOf(realm, "owner");
        String bobId = Http.get(realm.adminUrl() + "/users?exact=true&username=bob", realm.admin()).json().get(0).get("id").asText();
        assertEquals(201, Http.postJson(realm.adminUrl() + "/personal-tokens", owner,
                Map.of("userId", bobId, "name", "deploy bot", "role", "admin")).status());
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

    @Test
    @Order(4)
    void theUserDetailsPageLeadsToThatUsersTokensAndAssignsToThem() {
        String aliceId = Http.get(realm.adminUrl() + "/users?exact=true&username=alice", realm.admin()).json().get(0).get("id").asText();
        Page page = browser.newPage();
        page.navigate(realm.server.baseUrl() + "/admin/" + realm.name + "/console/#/" + realm.name + "/users/" + aliceId + "/settings");
        Browser.login(page, "owner", TestRealm.PASSWORD);
        Browser.awaitOrCapture(page, "[data-testid=user-personal-tokens-tab]", "admin-user-tab");
        page.getByTestId("user-personal-tokens-tab").click();

        assertThat(page.getByTestId("user-filter")).containsText("alice");
        assertThat(page.locator("[data-testid=owner-token-row]")).hasCount(1);
        assertThat(page.locator("[data-testid=owner-token-row][data-token-name='laptop']")).isVisible();

        page.getByTestId("assign-token").click();
        assertThat(page.getByTestId("assign-user").locator("input")).hasValue("alice");
        page.getByTestId("assign-name").fill("from alice's page");
        page.getByTestId("assign-submit").click();
        String secret = page.getByTestId("owner-token-secret").locator("input").inputValue();
        assertEquals(200, realm.exchange(secret).status());
        page.getByTestId("owner-secret-done").click();
        assertThat(page.locator("[data-testid=owner-token-row]")).hasCount(2);
    }
}
