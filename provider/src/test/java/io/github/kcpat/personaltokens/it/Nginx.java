package io.github.kcpat.personaltokens.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx, started on loopback by the test with the README's config (docs/proxies/nginx.conf)
 * pointed at the test server, a test realm and a test upstream.
 */
final class Nginx implements AutoCloseable {

    final int port;
    private final Process process;

    private Nginx(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static Nginx start(String keycloakBaseUrl, String realm, int upstreamPort) {
        KeycloakServer.run("bash", Path.of(System.getProperty("kcpat.scripts"), "ensure-nginx.sh").toString());
        int port = KeycloakServer.freePort();
        Path prefix = Path.of(System.getProperty("kcpat.workDir"), "nginx-" + port);
        try {
            Files.createDirectories(prefix.resolve("logs"));
            String server = Files.readString(Path.of(System.getProperty("kcpat.repoRoot"), "docs/proxies/nginx.conf"))
                    .replace("http://127.0.0.1:8080", keycloakBaseUrl)
                    .replace("/realms/acme/", "/realms/" + realm + "/")
                    .replace("http://127.0.0.1:3000", "http://127.0.0.1:" + upstreamPort)
                    .replace("listen 127.0.0.1:8081;", "listen 127.0.0.1:" + port + ";");
            String conf = "daemon off;\nuser root;\nworker_processes 1;\npid " + prefix.resolve("nginx.pid") + ";\n"
                    + "error_log " + prefix.resolve("logs/error.log") + " info;\nevents { worker_connections 64; }\n"
                    + "http {\n access_log " + prefix.resolve("logs/access.log") + ";\n"
                    + " client_body_temp_path " + prefix + "/body;\n proxy_temp_path " + prefix + "/proxy;\n"
                    + " fastcgi_temp_path " + prefix + "/fastcgi;\n uwsgi_temp_path " + prefix + "/uwsgi;\n scgi_temp_path " + prefix + "/scgi;\n"
                    + server + "\n}\n";
            Path file = prefix.resolve("nginx.conf");
            Files.writeString(file, conf);
            Process process = new ProcessBuilder("nginx", "-p", prefix.toString(), "-c", file.toString())
                    .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/stdout.log").toFile()).start();
            Nginx nginx = new Nginx(port, process);
            nginx.awaitListening();
            return nginx;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void awaitListening() {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited; see its logs under " + System.getProperty("kcpat.workDir"));
            }
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                KeycloakServer.sleep(200);
            }
        }
        throw new IllegalStateException("nginx did not start listening");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
