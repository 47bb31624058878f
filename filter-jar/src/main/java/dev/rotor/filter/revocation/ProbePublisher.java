package dev.rotor.filter.revocation;

import dev.rotor.filter.redis.RedisConnections;
import dev.rotor.filter.redis.RedisFailures;
import redis.clients.jedis.exceptions.JedisException;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes the mirror's probe through the shared client, the way an issuer publishes a revocation, so that hearing
 * it on the subscription proves revocations still arrive. Used by the one heartbeat thread only.
 */
final class ProbePublisher {

    private static final Logger LOG = Logger.getLogger(ProbePublisher.class.getName());
    private static final String PROBE = "1";

    private final RedisConnections redis;
    private final String channel;
    private boolean refused;

    ProbePublisher(RedisConnections redis, String channel) {
        this.redis = redis;
        this.channel = channel;
    }

    /** Publishes once. An outage is left to the staleness check; a refusal is logged once per run of refusals. */
    void publish() {
        try {
            redis.client().publish(channel, PROBE);
            refused = false;
        } catch (JedisException e) {
            if (RedisFailures.isOutage(e)) {
                LOG.log(Level.FINE, "ROTOR-M108 revocation heartbeat could not be sent; the subscriber will reconnect");
            } else if (!refused) {
                refused = true;
                LOG.log(Level.WARNING, "ROTOR-M115 Redis refused the revocation heartbeat ({0}), so the mirror will "
                                + "go stale: the Redis user needs PUBLISH on {1}*",
                        new Object[] {e.getClass().getSimpleName(), channel.substring(0, channel.lastIndexOf(':') + 1)});
            }
        }
    }
}
