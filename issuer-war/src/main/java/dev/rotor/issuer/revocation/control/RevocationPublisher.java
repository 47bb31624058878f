package dev.rotor.issuer.revocation.control;

import dev.rotor.filter.protocol.RedisNames;
import dev.rotor.filter.protocol.RevocationEvent;
import dev.rotor.filter.redis.RedisConnections;
import dev.rotor.issuer.availability.RedisCalls;
import dev.rotor.issuer.availability.RedisUnavailableException.Store;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Writes a revocation to the Redis blacklist and publishes it to every verifier, in one atomic step: a Lua script,
 * so no verifier can see the event without the key, or a snapshot the key without the event ever being sent.
 */
public final class RevocationPublisher {

    private static final String SET_AND_PUBLISH = """
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            redis.call('PUBLISH', ARGV[3], ARGV[4])
            return 1
            """;

    private final RedisConnections redis;
    private final RedisNames names;
    private final Clock clock;

    /** @param clock the time against which {@link RevocationEvent#expiresAt()} becomes a TTL */
    public RevocationPublisher(RedisConnections redis, RedisNames names, Clock clock) {
        this.redis = redis;
        this.names = names;
        this.clock = clock;
    }

    /**
     * Records {@code event} under its blacklist key, with a TTL that ends at its {@code expiresAt}, and publishes it
     * on the revocation channel. The stored value is {@link RevocationEvent#blacklistValue()}. An event that has already expired can reject no token, so nothing is written.
     *
     * @throws dev.rotor.issuer.availability.RedisUnavailableException if Redis could not be reached; the revocation
     *         must then be reported as failed
     */
    public void publish(RevocationEvent event) {
        long ttlMillis = Duration.between(clock.instant(), event.expiresAt()).toMillis();
        if (ttlMillis <= 0) {
            return;
        }
        RedisCalls.run(Store.REVOCATIONS, () -> redis.client().eval(SET_AND_PUBLISH,
                List.of(names.blacklistKey(event.type(), event.value())),
                List.of(event.blacklistValue(), Long.toString(ttlMillis), names.revocationChannel(), event.toJson())));
    }
}
