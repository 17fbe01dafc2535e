package org.sonocine.remote;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny local HTTP server standing in for an archive that misbehaves in a chosen way: one handler answers every
 * request, and the requests are recorded for the test to check.
 */
final class StubArchive implements AutoCloseable {
    /** Answers one request. */
    interface Handler {
        void handle(HttpExchange exchange, int requestNumber) throws IOException;
    }

    private final HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> accepts = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    StubArchive(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            accepts.add(String.valueOf(exchange.getRequestHeaders().getFirst("Accept")));
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            try (exchange) {
                handler.handle(exchange, requests.size());
            }
        });
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/dicom-web");
    }

    /** A client that retries quickly, so tests of retrying do not wait. */
    DicomWebClient client() {
        return new DicomWebClient(ArchiveConnection.of(base()).withRetries(3, Duration.ofMillis(10))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)));
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
