package io.github.kcpat.personaltokens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Moves the test server's clock through the test-only provider. */
final class Clock {

    private Clock() {
    }

    static void shift(KeycloakServer server, int seconds) {
        Http.Res res = Http.send("PUT", server.baseUrl() + "/realms/master/kcpat-testing/time-offset?seconds=" + seconds, null, null, null);
        assertEquals(204, res.status(), res.toString());
    }
}
