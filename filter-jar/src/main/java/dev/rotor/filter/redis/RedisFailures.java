package dev.rotor.filter.redis;

import redis.clients.jedis.exceptions.ClusterAggregationException;
import redis.clients.jedis.exceptions.JedisClusterOperationException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisRedirectionException;

import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The one rule for which Redis failures are outages, shared by the issuer (an outage is a 503 with
 * {@code Retry-After}; anything else is a bug, a 500) and the verifier's revocation mirror.
 *
 * <p>An outage is a failure that goes away by itself once Redis is reachable again and is not caused by what Rotor
 * asked for:
 * <ul>
 *   <li>{@link JedisConnectionException}, also as the cause of another exception: a refused, reset or timed-out
 *       connection, or Sentinel knowing no master ("All sentinels down").</li>
 *   <li>{@link JedisClusterOperationException}: Jedis gave up on a Cluster ("No more cluster attempts left", "Cluster
 *       retry deadline exceeded", "Could not initialize cluster slots cache", "No reachable node in cluster",
 *       "Cluster slots have holes") — except a command whose keys span several slots ("multiple hash slots") or a
 *       {@link ClusterAggregationException}, which are bugs in the command.</li>
 *   <li>A {@link JedisRedirectionException} ({@code MOVED}, {@code ASK}) that reached the caller: slots are moving
 *       during a failover or resharding.</li>
 *   <li>A {@link JedisDataException} whose Redis error code says the server cannot serve now: {@code CLUSTERDOWN}
 *       (slots without a live master), {@code TRYAGAIN} (a slot in migration), {@code LOADING} (a restarted node
 *       reading its data), {@code MASTERDOWN} (a replica that lost its master), {@code READONLY} (a write that
 *       reached a master just demoted to replica), {@code NOREPLICAS} ({@code min-replicas-to-write} not met),
 *       {@code BUSY} (a script that runs too long) and {@code MISCONF} (the server refuses writes after a failed
 *       save).</li>
 *   <li>A pool that could not hand out a connection in time ("Could not get a resource from the pool").</li>
 * </ul>
 * Everything else, for example a script error, {@code WRONGTYPE}, {@code NOSCRIPT}, or refused credentials
 * ({@code NOAUTH}, {@code WRONGPASS}, {@code NOPERM}: a configuration that will not heal by waiting), is not an outage.
 */
public final class RedisFailures {

    private static final Set<String> UNAVAILABLE_REPLIES = Set.of(
            "CLUSTERDOWN", "TRYAGAIN", "LOADING", "MASTERDOWN", "READONLY", "NOREPLICAS", "BUSY", "MISCONF");
    private static final int MAX_CAUSES = 8;

    private RedisFailures() {
    }

    /** @return whether {@code failure} means Redis is unavailable right now, rather than a bug in the request */
    public static boolean isOutage(JedisException failure) {
        if (causedByConnection(failure)) {
            return true;
        }
        if (failure instanceof JedisClusterOperationException) {
            return !(failure instanceof ClusterAggregationException) && !mentions(failure, "multiple hash slots");
        }
        if (failure instanceof JedisRedirectionException) {
            return true;
        }
        if (failure instanceof JedisDataException) {
            return UNAVAILABLE_REPLIES.contains(errorCode(failure.getMessage()));
        }
        return failure.getCause() instanceof NoSuchElementException;
    }

    private static boolean causedByConnection(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof JedisConnectionException) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(Throwable failure, String text) {
        return failure.getMessage() != null && failure.getMessage().contains(text);
    }

    private static String errorCode(String message) {
        if (message == null) {
            return "";
        }
        int space = message.indexOf(' ');
        return space < 0 ? message : message.substring(0, space);
    }
}
