package dev.rotor.issuer.availability;

import dev.rotor.issuer.availability.RedisUnavailableException.Store;
import redis.clients.jedis.exceptions.JedisClusterOperationException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

import java.util.function.Supplier;

/**
 * The one place that decides which Redis failures are outages. Only a failure to reach Redis is: the request may
 * succeed if repeated, so it gets 503. Anything else Redis says (a script error, a wrong type) is a bug and
 * propagates as it is, to become a 500 with a correlation id, never a false "try again later".
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

    static boolean isOutage(JedisException e) {
        return e instanceof JedisConnectionException || e instanceof JedisClusterOperationException;
    }
}
