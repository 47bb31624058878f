package dev.rotor.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JWKS endpoint on 127.0.0.1 whose answer a test can change: good keys, an error status, garbage, a slow or a
 * hanging reply. It counts requests for the JWKS and, separately, for every other path, so a test can prove that
 * nothing else was fetched.
 */
public final class JwksServer implements AutoCloseable {

    public static final String PATH = "/.well-known/jwks.json";
    public static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

    private record Reply(int status, byte[] body, String cacheControl, Duration delay) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicInteger jwksRequests = new AtomicInteger();
    private final AtomicInteger otherRequests = new AtomicInteger();
    private final AtomicInteger discoveryRequests = new AtomicInteger();
    private volatile String metadata;
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Reply reply;
    private volatile boolean hanging;
    private final AtomicInteger upgradeRequests = new AtomicInteger();

    private JwksServer(String jwks) {
        serve(jwks);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static JwksServer start(String jwks) {
        return new JwksServer(jwks);
    }

    /** The issuer URL, whose default JWKS location is this server's JWKS. */
    public URI issuer() {
        return uri("");
    }

    public URI jwksUri() {
        return uri(PATH);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public void serve(String body) {
        reply(200, body.getBytes(StandardCharsets.UTF_8), null, Duration.ZERO);
    }

    public void serveWithMaxAge(String body, Duration maxAge) {
        reply(200, body.getBytes(StandardCharsets.UTF_8), "public, max-age=" + maxAge.toSeconds(), Duration.ZERO);
    }

    public void reply(int status, byte[] body, String cacheControl, Duration delay) {
        hanging = false;
        reply = new Reply(status, body, cacheControl, delay);
    }

    /** Accepts requests and never answers them, until {@link #close()}. */
    public void hang() {
        hanging = true;
    }

    public int jwksRequests() {
        return jwksRequests.get();
    }

    /** Requests for the issuer metadata, which verifiers without a configured JWKS URL read first. */
    public int discoveryRequests() {
        return discoveryRequests.get();
    }

    /** Replaces the issuer metadata; by default it names this server as the issuer and its JWKS. */
    public void serveMetadata(String json) {
        metadata = json;
    }

    /** Requests that asked to switch protocols, such as the JDK client's {@code Upgrade: h2c}. */
    public int upgradeRequests() {
        return upgradeRequests.get();
    }

    public int otherRequests() {
        return otherRequests.get();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestHeaders().containsKey("Upgrade")) {
                upgradeRequests.incrementAndGet();
            }
            if (DISCOVERY_PATH.equals(exchange.getRequestURI().getPath())) {
                discoveryRequests.incrementAndGet();
                String json = metadata != null ? metadata
                        : "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + jwksUri() + "\"}";
                byte[] body = json.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                otherRequests.incrementAndGet();
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            Reply current = reply;
            jwksRequests.incrementAndGet();
            if (hanging) {
                await(Duration.ofMinutes(1));
                return;
            }
            await(current.delay());
            if (current.cacheControl() != null) {
                exchange.getResponseHeaders().add("Cache-Control", current.cacheControl());
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(current.status(), current.body().length == 0 ? -1 : current.body().length);
            exchange.getResponseBody().write(current.body());
        }
    }

    private void await(Duration duration) {
        try {
            closing.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
