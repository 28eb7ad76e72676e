package io.github.kcpat.personaltokens.it;

import java.io.IOException;

/** A benchmark's own server (operator settings, see {@link KeycloakServer#launchForBenchmark}), stopped afterwards. */
final class BenchmarkServer {

    interface Measurement {
        void run(TestRealm realm) throws IOException;
    }

    private BenchmarkServer() {
    }

    static void inFreshRealm(String serverName, String realmPrefix, Measurement measurement) throws IOException {
        KeycloakServer server = KeycloakServer.launchForBenchmark(serverName);
        try {
            measurement.run(TestRealm.create(server, realmPrefix));
        } finally {
            server.stop();
        }
    }
}
