package io.github.kcpat.personaltokens.it;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The provider JAR of the previous release, built from this repository's history, so that the
 * upgrade test runs a database made by the code users actually have. Needs a clone with history
 * (CI clones the whole repository) and the Maven artifacts the current build has already fetched.
 */
final class PreviousRelease {

    /** The last commit before the schema change of 2026-12-02. */
    static final String COMMIT = "e790bef";

    private PreviousRelease() {
    }

    static Path providerJar() {
        Path repo = Path.of(System.getProperty("kcpat.repoRoot"));
        Path work = Path.of(System.getProperty("kcpat.workDir"), "previous-release");
        Path jar = work.resolve("provider/target/keycloak-personal-tokens-0.1.0-SNAPSHOT.jar");
        if (Files.exists(jar)) {
            return jar;
        }
        KeycloakServer.run("rm", "-rf", work.toString());
        KeycloakServer.run("mkdir", "-p", work.toString());
        KeycloakServer.run("bash", "-c", "git -C '" + repo + "' archive " + COMMIT + " | tar -x -C '" + work + "'");
        KeycloakServer.run("mvn", "-B", "-q", "-o", "-f", work.resolve("pom.xml").toString(), "-pl", "provider",
                "-DskipTests", "-Dmdep.skip=true", "package");
        return jar;
    }
}
