package dev.rotor.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;

/**
 * A real {@code redis-server} that the test starts itself, on a free loopback port, and can stop and restart on the
 * same port for fault tests. It uses the {@code redis-server} that {@link RedisBinary} finds. It never touches a Redis
 * it did not start.
 *
 * <pre>{@code @RegisterExtension static final RedisFixture redis = RedisFixture.start();}</pre>
 */
public final class RedisFixture implements AfterAllCallback, AutoCloseable {

    private final int port;
    private final RedisServer server;

    private RedisFixture(int port) {
        this.port = port;
        try {
            this.server = RedisServer.newRedisServer()
                    .executableProvider(RedisBinary.provider())
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a new server on a free port. */
    public static RedisFixture start() {
        RedisFixture fixture = new RedisFixture(freePort());
        fixture.startServer();
        return fixture;
    }

    public int port() {
        return port;
    }

    /** The URL to configure Rotor with, e.g. {@code redis://127.0.0.1:40123}. */
    public URI uri() {
        return URI.create("redis://127.0.0.1:" + port);
    }

    public boolean isRunning() {
        return server.isActive();
    }

    /** Stops the server, dropping every connection and all data: the fault that fail-closed tests need. */
    public void stop() {
        if (server.isActive()) {
            try {
                server.stop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Starts the server again on the same port, empty. */
    public void restart() {
        stop();
        startServer();
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void startServer() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
