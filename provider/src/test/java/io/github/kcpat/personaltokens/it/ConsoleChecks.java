package io.github.kcpat.personaltokens.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** What the browser tests of both consoles check alike about a secret shown once, and where it works. */
final class ConsoleChecks {

    /** The network the console tests allow: an address the tests' ordinary client (127.0.0.1) is not. */
    static final String BUILD_BOX = "127.0.0.2";

    /** The test ids of a dialog that makes a token: the account console's Generate, the admin console's Assign. */
    record TokenDialog(String networksField, String submit, String error, String secretPrefix) {
    }

    static final TokenDialog GENERATE = new TokenDialog("token-networks", "generate-submit", "generate-error", "");
    static final TokenDialog ASSIGN = new TokenDialog("assign-networks", "assign-submit", "assign-error", "owner-");

    private ConsoleChecks() {
    }

    /**
     * Submits the open dialog with {@code badEntry} as its allowed networks (the API's 400, which
     * names it, must be shown in the dialog), then with the build box's address; returns the secret shown once.
     */
    static String submitWithTheBuildBoxOnly(Page page, TokenDialog dialog, String badEntry) {
        page.getByTestId(dialog.networksField()).fill(badEntry);
        page.getByTestId(dialog.submit()).click();
        // The API's 400 names the entry it refuses.
        assertThat(page.getByTestId(dialog.error())).containsText(badEntry);
        page.getByTestId(dialog.networksField()).fill(BUILD_BOX + "/32");
        page.getByTestId(dialog.submit()).click();
        return shownSecret(page, dialog.secretPrefix());
    }

    /**
     * The secret in the show-once dialog, which creation and rotation share. {@code testIdPrefix}
     * is "" in the account console and "owner-" in the admin console.
     */
    static String shownSecret(Page page, String testIdPrefix) {
        Locator field = page.getByTestId(testIdPrefix + "token-secret").locator("input");
        assertThat(field).isVisible();
        assertThat(page.getByTestId(testIdPrefix + "secret-dialog")).containsText("You won't be able to see it again");
        String secret = field.inputValue();
        assertTrue(secret.startsWith("kcpat_"), secret);
        return secret;
    }

    /** DESIGN §9.3: after a rotation the new secret exchanges, and the old one is refused at once. */
    static void assertOnlyTheNewSecretWorks(TestRealm realm, String oldSecret, String newSecret) {
        assertNotEquals(oldSecret, newSecret);
        assertEquals(200, realm.exchange(newSecret).status());
        assertEquals(401, realm.exchange(oldSecret).status());
    }

    /**
     * DESIGN §10.2 for a token allowed from {@link #BUILD_BOX}/32 only: refused from 127.0.0.1,
     * accepted from the build box, and its Token JSON ({@code token}) lists exactly that network.
     */
    static void assertUsableFromTheBuildBoxOnly(TestRealm realm, String secret, JsonNode token) {
        assertEquals(401, realm.exchange(secret).status(), "the tests' ordinary client comes from 127.0.0.1");
        Http.Res fromBuildBox = SourceAddressHttp.from(BUILD_BOX)
                .send("POST", realm.tokensUrl() + "/access-token", null, "X-Refresh-Token", secret);
        assertEquals(200, fromBuildBox.status(), fromBuildBox.toString());
        assertEquals("[\"" + BUILD_BOX + "/32\"]", token.get("allowedNetworks").toString(), token.toString());
    }
}
