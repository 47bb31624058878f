package dev.rotor.issuer.testbed;

import dev.rotor.filter.configuration.RedisEndpoint;
import dev.rotor.filter.redis.RedisConnections;
import dev.rotor.testsupport.RedisFixture;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.UnifiedJedis;

/**
 * A redis-server of the test class's own, and before each test a running, emptied Redis and a fresh client on it,
 * closed after the test. Tests may stop and restart the server to test outages.
 *
 * <pre>{@code @RegisterExtension static final CleanRedis redis = new CleanRedis();}</pre>
 */
public final class CleanRedis implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    private final RedisFixture server = RedisFixture.start();
    private RedisConnections connections;

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!server.isRunning()) {
            server.restart();
        }
        connections = endpoint().connect();
        connections.client().flushAll();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        connections.close();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    /** The connections of the current test, as the issuer's stores take them. */
    public RedisConnections connections() {
        return connections;
    }

    /** The shared client of {@link #connections()}. */
    public UnifiedJedis client() {
        return connections.client();
    }

    public RedisEndpoint endpoint() {
        return RedisEndpoint.loopback(server.port());
    }

    /** The server itself, to stop and restart. */
    public RedisFixture server() {
        return server;
    }
}
