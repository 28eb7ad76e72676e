package io.github.kcpat.personaltokens.it;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;

/** Headless Debian Chromium driven by Playwright, installed on demand by ensure-chromium.sh. */
public final class Browser implements AutoCloseable {

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser() {
        KeycloakServer.run("bash", Path.of(System.getProperty("kcpat.scripts"), "ensure-chromium.sh").toString());
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    public static Browser launch() {
        return new Browser();
    }

    /** A fresh context (no cookies) with a desktop-sized page. */
    public Page newPage() {
        return browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1400, 900)).newPage();
    }

    /** Signs in on Keycloak's login form, which any console redirects to. */
    public static void login(Page page, String username, String password) {
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
    }

    /** Waits for a selector; on failure keeps a screenshot and the DOM next to the test reports. */
    public static void awaitOrCapture(Page page, String selector, String name) {
        try {
            page.waitForSelector(selector);
        } catch (RuntimeException e) {
            Path dir = Path.of(System.getProperty("kcpat.screenshots"));
            page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve("failed-" + name + ".png")));
            try {
                java.nio.file.Files.writeString(dir.resolve("failed-" + name + ".html"), page.content());
            } catch (java.io.IOException ignored) {
                // the screenshot is the important part
            }
            throw e;
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
