package io.github.kcpat.personaltokens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.kcpat.personaltokens.testing.TestingResourceProviderFactory;

/**
 * Moves the test server's clock through the test-only provider. Always reset it (shift 0) in a
 * {@code finally}.
 */
final class Clock {

    private Clock() {
    }

    static void shift(KeycloakServer server, int seconds) {
        Http.Res res = Http.send("PUT", testingUrl(server) + "/time-offset?seconds=" + seconds, null, null, null);
        assertEquals(204, res.status(), res.toString());
        // The admin client's token was judged by the old server time; take one valid at the new one.
        server.admin().tokenManager().grantToken();
    }

    /** The test-only provider's root on that server (see the testing package). */
    static String testingUrl(KeycloakServer server) {
        return server.baseUrl() + "/realms/master/" + TestingResourceProviderFactory.PROVIDER_ID;
    }
}
