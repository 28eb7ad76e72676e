package io.github.kcpat.personaltokens.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where the tests run, so docker-compose.yml is checked as data: it must
 * parse, run Keycloak 26.7.3 in production mode on PostgreSQL with health checks, mount what the
 * build produces and share its options and realm with the local runner.
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of(System.getProperty("kcpat.repoRoot", ".."));

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsKeycloakInProductionModeOnPostgres() throws IOException {
        Map<String, Object> keycloak = service("keycloak");
        assertEquals("quay.io/keycloak/keycloak:26.7.3", keycloak.get("image"));
        String command = String.join(" ", (List<String>) keycloak.get("command"));
        assertTrue(command.contains("kc.sh build") && command.contains("start --optimized") && command.contains("--import-realm"), command);
        Map<String, Object> env = (Map<String, Object>) keycloak.get("environment");
        assertEquals("postgres", env.get("KC_DB"));
        assertTrue(keycloak.containsKey("healthcheck"));
        assertTrue(service("postgres").containsKey("healthcheck"));
        assertEquals("service_healthy",
                ((Map<String, Map<String, Object>>) keycloak.get("depends_on")).get("postgres").get("condition"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeMountsTheBuiltJarsAndTheSameRealmAndOptionsAsTheRunner() throws IOException {
        Map<String, Object> keycloak = service("keycloak");
        List<String> volumes = (List<String>) keycloak.get("volumes");
        assertTrue(volumes.stream().anyMatch(v -> v.startsWith("./provider/target/keycloak-personal-tokens-")
                && v.contains(":/opt/keycloak/providers/")), volumes.toString());
        assertTrue(volumes.stream().anyMatch(v -> v.startsWith("./themes/target/keycloak-personal-tokens-themes-")
                && v.contains(":/opt/keycloak/providers/")), volumes.toString());
        assertTrue(volumes.contains("./realm-config:/opt/keycloak/data/import:ro"), volumes.toString());
        assertEquals(List.of("keycloak.env"), keycloak.get("env_file"));
        String runner = Files.readString(ROOT.resolve("run-dev.sh"));
        assertTrue(sourcesKeycloakEnv(runner), "run-dev.sh must read keycloak.env");
        assertTrue(commands(runner).anyMatch(c -> c.contains("cp realm-config/*.json")), "run-dev.sh must import realm-config");
        assertTrue(commands(runner).anyMatch(c -> c.contains("--import-realm")), "run-dev.sh must start with --import-realm");
        for (String line : Files.readAllLines(ROOT.resolve("keycloak.env"))) {
            assertTrue(line.isBlank() || line.startsWith("#") || line.matches("KC_[A-Z0-9_]+=.*"), line);
        }
    }

    /** The script's command lines: comment lines dropped, and trailing comments cut off. */
    static Stream<String> commands(String script) {
        return script.lines().map(line -> line.replaceFirst("(^|\\s)#.*$", "").strip()).filter(line -> !line.isEmpty());
    }

    /** Whether the script sources keycloak.env ({@code . ./keycloak.env}) in a line that runs. */
    static boolean sourcesKeycloakEnv(String script) {
        return commands(script).anyMatch(c -> c.matches("(.*[;&|(]\\s*|)\\.\\s+\\./keycloak\\.env(\\s*[;&|)].*|)"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            as run-dev.sh has it                   | set -a; . ./keycloak.env; set +a | true
            alone on its line                      | . ./keycloak.env                 | true
            indented, then another command         | '  . ./keycloak.env && exec kc.sh' | true
            commented out                          | # . ./keycloak.env               | false
            commented out after indentation        | '   #  . ./keycloak.env'         | false
            after a command, in a trailing comment | set -a # . ./keycloak.env        | false
            another file                           | . ./keycloak.env.example         | false
            only mentioned                         | echo see keycloak.env            | false
            """)
    void sourcingKeycloakEnvIsFoundOnlyInALineThatRuns(String label, String line, boolean sources) {
        String script = "#!/usr/bin/env bash\nset -euo pipefail\n" + line + "\nexec kc.sh start-dev\n";
        assertEquals(sources, sourcesKeycloakEnv(script), line);
    }
}
