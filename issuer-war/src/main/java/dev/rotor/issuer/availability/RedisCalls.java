package dev.rotor.issuer.availability;

import dev.rotor.filter.redis.RedisFailures;
import dev.rotor.issuer.availability.RedisUnavailableException.Store;
import redis.clients.jedis.exceptions.JedisException;

import java.util.function.Supplier;

/**
 * The one place in the issuer that decides which Redis failures are outages, by the verifier's rule
 * ({@link RedisFailures#isOutage}): Redis could not be reached or cannot serve right now (a failover, a cluster
 * that is down), so the request may succeed if repeated and gets 503. Anything else Redis says (a script error, a
 * wrong type, a refused permission) is a bug and propagates as it is, to become a 500 with a correlation id, never
 * a false "try again later".
 */
public final class RedisCalls {

    private RedisCalls() {
    }

    /** @throws RedisUnavailableException if Redis could not be reached */
    public static <T> T call(Store store, Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisException e) {
            if (isOutage(e)) {
                throw new RedisUnavailableException(store, e);
            }
            throw e;
        }
    }

    /** @throws RedisUnavailableException if Redis could not be reached */
    public static void run(Store store, Runnable command) {
        call(store, () -> {
            command.run();
            return null;
        });
    }

    /** The verifier's rule, so issuer and verifier agree on what an outage is on every topology. */
    static boolean isOutage(JedisException e) {
        return RedisFailures.isOutage(e);
    }
}
