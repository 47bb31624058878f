package dev.rotor.filter.revocation;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

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

    private final Clock clock;

    /** @param clock the time against which {@link RevocationEvent#expiresAt()} becomes a TTL */
    public RevocationPublisher(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records {@code event} under {@link RevocationEvent#redisKey(String)}, with a TTL that ends at its
     * {@code expiresAt}, and publishes it on {@link RevocationEvent#channel(String)}. The stored value is the
     * not-before time in epoch seconds for a subject, {@code "1"} otherwise. An event that has already expired can
     * reject no token, so nothing is written.
     *
     * @throws RevocationUnavailableException if Redis did not confirm both; the revocation must then be reported as
     *                                        failed
     */
    public void revoke(UnifiedJedis redis, String prefix, RevocationEvent event) {
        long ttlMillis = Duration.between(clock.instant(), event.expiresAt()).toMillis();
        if (ttlMillis <= 0) {
            return;
        }
        String stored = event.type() == RevocationEvent.Type.SUB
                ? Long.toString(event.notBefore().getEpochSecond())
                : "1";
        try {
            redis.eval(SET_AND_PUBLISH, List.of(event.redisKey(prefix)),
                    List.of(stored, Long.toString(ttlMillis), RevocationEvent.channel(prefix), event.toJson()));
        } catch (JedisException e) {
            throw new RevocationUnavailableException("the revocation could not be recorded in Redis", e);
        }
    }
}
