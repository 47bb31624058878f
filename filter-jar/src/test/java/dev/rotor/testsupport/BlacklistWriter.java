package dev.rotor.testsupport;

import dev.rotor.filter.configuration.RedisEndpoint;
import dev.rotor.filter.protocol.RedisNames;
import dev.rotor.filter.protocol.RevocationEvent;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

import java.time.Clock;
import java.time.Duration;

/**
 * Writes revocations the way the issuer does, in the shared protocol (blacklist key with a TTL, then the event on
 * the channel), for verifier tests that have no issuer. Each write uses a fresh client, so a Redis restart never
 * leaves it holding dead pooled connections.
 */
public final class BlacklistWriter {

    private final RedisEndpoint endpoint;
    private final RedisNames names;
    private final Clock clock;

    public BlacklistWriter(RedisEndpoint endpoint, RedisNames names, Clock clock) {
        this.endpoint = endpoint;
        this.names = names;
        this.clock = clock;
    }

    public void revoke(RevocationEvent event) {
        long ttl = Duration.between(clock.instant(), event.expiresAt()).toMillis();
        String value = event.type() == RevocationEvent.Type.SUB
                ? Long.toString(event.notBefore().getEpochSecond()) : "1";
        try (UnifiedJedis client = endpoint.client()) {
            client.set(names.blacklistKey(event.type(), event.value()), value, SetParams.setParams().px(ttl));
            client.publish(names.revocationChannel(), event.toJson());
        }
    }
}
