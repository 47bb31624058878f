package dev.rotor.issuer.sessions.control;

import dev.rotor.filter.configuration.RedisEndpoint;
import dev.rotor.filter.redis.RedisConnections;
import dev.rotor.issuer.sessions.entity.SessionInfo;
import dev.rotor.testsupport.MutableClock;
import dev.rotor.testsupport.RedisFixture;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the session tests share, as one extension per test class: its own redis-server, and before each test an
 * emptied Redis, a fresh client, a clock near real time and {@link RefreshSessions} on them; plus a view of the
 * keyspace.
 *
 * <pre>{@code @RegisterExtension static final SessionTestBed bed = new SessionTestBed();}</pre>
 */
final class SessionTestBed implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    static final SessionLifetimes LIFETIMES = new SessionLifetimes(Duration.ofHours(1), Duration.ofHours(3));
    static final String PREFIX = "rotor:";

    private final RedisFixture redis = RedisFixture.start();
    private MutableClock clock;
    private RedisConnections connections;
    private UnifiedJedis client;
    private RefreshSessions sessions;

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!redis.isRunning()) {
            redis.restart();
        }
        connections = RedisEndpoint.loopback(redis.port()).connect();
        client = connections.client();
        client.flushAll();
        // near the real clock, so the TTLs Redis applies in real time stay in step with the sessions' timestamps
        clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        sessions = new RefreshSessions(connections, PREFIX, LIFETIMES, clock);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        connections.close();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        redis.close();
    }

    RedisFixture redis() {
        return redis;
    }

    UnifiedJedis client() {
        return client;
    }

    MutableClock clock() {
        return clock;
    }

    RefreshSessions sessions() {
        return sessions;
    }

    /** What a logout does to the store: the session of a current or used refresh token is deleted. */
    Optional<SessionInfo> deleteByRefreshToken(String refreshToken) {
        return sessions.ridOf(refreshToken).flatMap(sessions::delete);
    }

    static List<String> keys(UnifiedJedis client) {
        List<String> keys = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = client.scan(cursor);
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return keys;
    }

    /** The key's name and every value it holds, as text. */
    static String dump(UnifiedJedis client, String key) {
        String values = switch (client.type(key)) {
            case "hash" -> client.hgetAll(key).toString();
            case "zset" -> client.zrangeWithScores(key, 0, -1).toString();
            case "string" -> client.get(key);
            default -> throw new AssertionError("unexpected type of " + key + ": " + client.type(key));
        };
        return key + " " + values;
    }
}
