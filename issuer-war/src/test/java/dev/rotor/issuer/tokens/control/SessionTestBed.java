package dev.rotor.issuer.tokens.control;

import dev.rotor.filter.configuration.RedisEndpoint;
import dev.rotor.testsupport.MutableClock;
import dev.rotor.testsupport.RedisFixture;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** What the session tests share: lifetimes, a clock near real time, a clean Redis, and a view of its keyspace. */
final class SessionTestBed {

    static final SessionLifetimes LIFETIMES = new SessionLifetimes(Duration.ofHours(1), Duration.ofHours(3));
    static final String PREFIX = "rotor:";

    private SessionTestBed() {
    }

    /** Near the real clock, so the TTLs Redis applies in real time stay in step with the session's timestamps. */
    static MutableClock clock() {
        return new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** A client of an empty, running server. The caller closes it. */
    static UnifiedJedis emptyRedis(RedisFixture redis) {
        if (!redis.isRunning()) {
            redis.restart();
        }
        UnifiedJedis client = RedisEndpoint.loopback(redis.port()).client();
        client.flushAll();
        return client;
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
