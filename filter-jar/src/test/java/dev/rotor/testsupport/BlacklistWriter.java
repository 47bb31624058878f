package dev.rotor.testsupport;

import dev.rotor.filter.configuration.RedisEndpoint;
import dev.rotor.filter.protocol.RedisNames;
import dev.rotor.filter.protocol.RevocationEvent;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Writes revocations the way the issuer does, in the shared protocol (blacklist key with a TTL, then the event on
 * the channel), for verifier tests that have no issuer. Each write uses a fresh client, so a Redis restart never
 * leaves it holding dead pooled connections.
 */
public final class BlacklistWriter {

    /** The issuer's script: the key and the event in one step, on the slot that owns the key. */
    private static final String SET_AND_PUBLISH = """
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            redis.call('PUBLISH', ARGV[3], ARGV[4])
            return 1
            """;

    private final RedisEndpoint endpoint;
    private final RedisNames names;
    private final Clock clock;

    public BlacklistWriter(RedisEndpoint endpoint, RedisNames names, Clock clock) {
        this.endpoint = endpoint;
        this.names = names;
        this.clock = clock;
    }

    public void revoke(RevocationEvent event) {
        try (UnifiedJedis client = endpoint.client()) {
            client.set(names.blacklistKey(event.type(), event.value()), storedValue(event),
                    SetParams.setParams().px(ttlMillis(event)));
            client.publish(names.revocationChannel(), event.toJson());
        }
    }

    /** Like {@link #revoke} but through the issuer's Lua script, on a client the caller keeps. */
    public void revokeWithScript(UnifiedJedis client, RevocationEvent event) {
        client.eval(SET_AND_PUBLISH, List.of(names.blacklistKey(event.type(), event.value())),
                List.of(storedValue(event), Long.toString(ttlMillis(event)), names.revocationChannel(),
                        event.toJson()));
    }

    /** Only the blacklist key, without an event: what a snapshot must find. */
    public void store(UnifiedJedis client, RevocationEvent event) {
        client.set(names.blacklistKey(event.type(), event.value()), storedValue(event),
                SetParams.setParams().px(ttlMillis(event)));
    }

    private long ttlMillis(RevocationEvent event) {
        return Duration.between(clock.instant(), event.expiresAt()).toMillis();
    }

    private static String storedValue(RevocationEvent event) {
        return event.blacklistValue();
    }
}
