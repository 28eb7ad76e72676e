package io.github.kcpat.personaltokens.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

/**
 * A real Keycloak 26.7.3 distribution, started with {@code kc.sh start-dev} on free ports, with the
 * provider JAR built by this module and the demo realm imported. One instance is shared by every
 * integration test class in the JVM.
 */
public final class KeycloakServer {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    public static final int CLEANUP_INTERVAL_SECONDS = 5;
    /** Short, so that the grace can be tested; tests that need a reuse outside it move the clock. */
    public static final int REUSE_GRACE_SECONDS = 10;
    /** Short, so that a test can wait for a window to pass; the budget keeps its default of 30. */
    public static final int FAILURE_WINDOW_SECONDS = 10;

    private static KeycloakServer shared;

    private final Path home;
    private final int port;
    private final int managementPort;
    private final List<String> startCommand;
    /** False for benchmarks: the provider's and Keycloak's defaults, and INFO logging. */
    private final boolean testSettings;
    private Process process;
    private Keycloak admin;

    private KeycloakServer(String name, List<String> startCommand, boolean testSettings) {
        this.testSettings = testSettings;
        this.home = Path.of(property("kcpat.workDir"), name);
        this.port = freePort();
        this.managementPort = freePort();
        this.startCommand = startCommand;
    }

    /** The dev-mode server (embedded H2) that most integration tests share. */
    public static synchronized KeycloakServer shared() {
        if (shared == null) {
            shared = launch("shared", List.of("start-dev"));
        }
        return shared;
    }

    /**
     * A separately installed server; {@code startCommand} is the kc.sh command and its options,
     * to which the ports, the realm import and the provider's test settings are added.
     */
    public static KeycloakServer launch(String name, List<String> startCommand) {
        return launch(name, startCommand, Path.of(property("kcpat.providerJar")));
    }

    /** The same with another build of the provider, such as the previous release for the upgrade test. */
    public static KeycloakServer launch(String name, List<String> startCommand, Path providerJar) {
        return started(new KeycloakServer(name, startCommand, true), providerJar);
    }

    /**
     * A dev-mode server for benchmarks, with the settings an operator would run: no shortened
     * sweep interval or windows, and no DEBUG logging of every event, which the tests want and a
     * measurement must not pay for. Stop it when done. {@code -Dkcpat.bench.serverOptions} adds kc.sh
     * options, for experiments such as another H2 cache size.
     */
    public static KeycloakServer launchForBenchmark(String name) {
        List<String> command = new ArrayList<>(List.of("start-dev"));
        String extra = System.getProperty("kcpat.bench.serverOptions", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        return launchForBenchmark(name, command);
    }

    /** The same with another kc.sh command, such as a production-mode node of a cluster. */
    public static KeycloakServer launchForBenchmark(String name, List<String> startCommand) {
        return started(new KeycloakServer(name, startCommand, false), Path.of(property("kcpat.providerJar")));
    }

    private static KeycloakServer started(KeycloakServer server, Path providerJar) {
        server.install(providerJar);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The management interface (health, and /metrics when the server runs with --metrics-enabled). */
    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    /**
     * Keycloak's admin client, signed in as the master realm's bootstrap admin, for fixtures. It
     * survives restarts (sessions are persistent); {@link Clock} renews its token when it moves the
     * server's clock, since the client judges expiry by this JVM's clock.
     */
    public synchronized Keycloak admin() {
        if (admin == null) {
            admin = KeycloakBuilder.builder().serverUrl(baseUrl()).realm("master").clientId("admin-cli")
                    .username(ADMIN).password(ADMIN_PASSWORD).build();
        }
        return admin;
    }

    /** The Keycloak JVM's process id (kc.sh may exec java or start it as a child), for jcmd. */
    public synchronized long javaPid() {
        return process.toHandle().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst().map(ProcessHandle::pid).orElse(process.pid());
    }

    public Path home() {
        return home;
    }

    /** Swaps the provider JAR (for upgrade tests); takes effect at the next start. */
    public void replaceProvider(Path jar) {
        Path target = home.resolve("providers").resolve(Path.of(property("kcpat.providerJar")).getFileName());
        run("cp", jar.toString(), target.toString());
    }

    public synchronized void restart() {
        stop();
        start();
    }

    private void install(Path providerJar) {
        run("rm", "-rf", home.toString());
        run("mkdir", "-p", home.getParent().toString());
        run("cp", "-a", property("kcpat.dist"), home.toString());
        run("cp", providerJar.toString(), home.resolve("providers").resolve(Path.of(property("kcpat.providerJar")).getFileName()).toString());
        run("cp", property("kcpat.testingJar"), home.resolve("providers").toString());
        run("cp", property("kcpat.themesJar"), home.resolve("providers").toString());
        Path imports = home.resolve("data/import");
        run("mkdir", "-p", imports.toString());
        try (Stream<Path> files = Files.list(Path.of(property("kcpat.realmConfig")))) {
            files.filter(f -> f.toString().endsWith(".json")).forEach(f -> run("cp", f.toString(), imports.toString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized void start() {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/kc.sh").toString());
        command.addAll(startCommand);
        command.addAll(List.of(
                "--http-port=" + port,
                "--http-management-port=" + managementPort,
                "--import-realm",
                // As behind a reverse proxy on loopback: forward authentication is tested through nginx.
                "--proxy-headers=xforwarded", "--proxy-trusted-addresses=127.0.0.1"));
        if (testSettings) {
            command.addAll(List.of(
                    "--spi-realm-restapi-extension--personal-tokens--cleanup-interval-seconds=" + CLEANUP_INTERVAL_SECONDS,
                    "--spi-realm-restapi-extension--personal-tokens--rotation-reuse-grace-seconds=" + REUSE_GRACE_SECONDS,
                    "--spi-realm-restapi-extension--personal-tokens--failure-window-seconds=" + FAILURE_WINDOW_SECONDS,
                    // Secrets must not appear even where our code and Keycloak's events log the most.
                    "--log-level=INFO,io.github.kcpat.personaltokens:debug,org.keycloak.events:debug"));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("server.log").toFile()));
        Map<String, String> env = builder.environment();
        env.putAll(sharedOptions());
        env.put("JAVA_OPTS_KC_HEAP", "-Xms256m -Xmx768m");
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Keycloak", e);
        }
        awaitReady();
    }

    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(60).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl() + "/realms/acme/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited while starting; see " + home.resolve("server.log"));
            }
            try {
                if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(1000);
        }
        throw new IllegalStateException("Keycloak did not become ready; see " + home.resolve("server.log"));
    }

    /** keycloak.env: the options run-dev.sh and docker-compose.yml use too. */
    static Map<String, String> sharedOptions() {
        Map<String, String> options = new java.util.LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of(property("kcpat.envFile")))) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    int eq = trimmed.indexOf('=');
                    options.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (!ADMIN.equals(options.get("KC_BOOTSTRAP_ADMIN_USERNAME")) || !ADMIN_PASSWORD.equals(options.get("KC_BOOTSTRAP_ADMIN_PASSWORD"))) {
            throw new IllegalStateException("keycloak.env must keep the admin/admin bootstrap account the tests use");
        }
        return options;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set; run the tests with mvn verify");
        }
        return value;
    }

    static void run(String... command) {
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("failed: " + String.join(" ", command));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
