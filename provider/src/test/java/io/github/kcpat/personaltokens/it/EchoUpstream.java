package io.github.kcpat.personaltokens.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** The protected service behind nginx: it answers 200 with the identity headers it was given. */
final class EchoUpstream implements AutoCloseable {

    private final HttpServer server;

    private EchoUpstream(HttpServer server) {
        this.server = server;
    }

    static EchoUpstream start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = ("user=" + exchange.getRequestHeaders().getFirst("X-Auth-Request-User")
                        + "\nscopes=" + exchange.getRequestHeaders().getFirst("X-Auth-Request-Scopes")
                        + "\nmethod=" + exchange.getRequestMethod() + "\n").getBytes(StandardCharsets.UTF_8);
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return new EchoUpstream(server);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
