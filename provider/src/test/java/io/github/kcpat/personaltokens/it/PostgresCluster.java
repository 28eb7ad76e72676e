package io.github.kcpat.personaltokens.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two-node production setup of DESIGN §8, shared by PostgresClusterIT and ClusterBenchmarkIT:
 * a local PostgreSQL (installed by {@code ensure-postgres.sh}) and the kc.sh command of one node
 * clustered with Keycloak's default discovery (JDBC ping) on loopback.
 */
final class PostgresCluster {

    private PostgresCluster() {
    }

    /** Makes sure PostgreSQL runs and (re)creates the empty database. */
    static void ensureDatabase(String database) {
        KeycloakServer.run("bash", Path.of(System.getProperty("kcpat.scripts"), "ensure-postgres.sh").toString(), database);
    }

    /** {@code start} of one node on the database, with a free cluster port; {@code extra} options follow. */
    static List<String> nodeCommand(String database, String... extra) {
        List<String> command = new ArrayList<>(List.of("start",
                "--db=postgres",
                "--db-url=jdbc:postgresql://127.0.0.1:5432/" + database,
                "--db-username=kcpat", "--db-password=kcpat",
                "--http-enabled=true", "--hostname-strict=false",
                "--cache=ispn",
                "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + KeycloakServer.freePort()));
        command.addAll(List.of(extra));
        return command;
    }

    /** One SQL statement through psql as the postgres superuser; rows one a line, columns split by '|'. */
    static String psql(String database, String sql) {
        try {
            Process p = new ProcessBuilder("su", "postgres", "-c", "psql -d " + database + " -Atc \"" + sql + "\"")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("psql failed: " + sql + "\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
