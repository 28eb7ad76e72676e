package io.github.kcpat.personaltokens.keycloak;

import org.keycloak.Config;
import org.keycloak.models.RealmModel;

/**
 * The account console's Personal API tokens page, for links in emails. The scheduled task has no
 * request to take a URL from, so the base is the realm's frontend URL, else the server's
 * {@code hostname} option, else the last base URL a request to this node showed.
 */
public final class AccountLinks {

    private static volatile String lastSeenBase;

    private AccountLinks() {
    }

    /** Called on requests, so that a server without a configured hostname still links somewhere real. */
    public static void remember(String baseUri) {
        lastSeenBase = baseUri;
    }

    public static String personalTokensPage(RealmModel realm) {
        return trimmed(base(realm)) + "/realms/" + realm.getName() + "/account/personal-tokens";
    }

    private static String base(RealmModel realm) {
        String frontend = realm.getAttribute("frontendUrl");
        if (frontend != null && !frontend.isBlank()) {
            return frontend;
        }
        String hostname = Config.scope("hostname", "v2").get("hostname");
        if (hostname != null && !hostname.isBlank()) {
            return hostname.startsWith("http://") || hostname.startsWith("https://") ? hostname : "https://" + hostname;
        }
        return lastSeenBase != null ? lastSeenBase : "http://localhost:8080";
    }

    private static String trimmed(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
