package dev.rotor.filter.revocation;

import dev.rotor.filter.redis.RedisConnections;
import dev.rotor.filter.redis.RedisFailures;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The background loop that keeps a {@link RevocationStore} in step with Redis, and Redis in step with it. On every
 * (re)connect it subscribes first and loads the snapshot only once the subscription is confirmed, so an event
 * published in between is either in the snapshot or delivered afterwards. Each sync and each heartbeat checks whether
 * Redis lost its data ({@link BlacklistRepair}): a Cluster master that restarted empty would not tell a subscriber
 * sitting on another node. It reconnects with capped exponential backoff until {@link #stop()}, each
 * time to where {@link RedisConnections#dedicatedConnection} points: the current Sentinel master, or any live Cluster
 * node.
 */
final class RevocationSubscriber implements Runnable {

    private static final Logger LOG = Logger.getLogger(RevocationSubscriber.class.getName());
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long LAST_RETRY_MILLIS = 2000;

    private record Session(Jedis connection, HostAndPort node, RevocationListener listener) {
    }

    private final RedisConnections redis;
    private final SubscriberChannels channels;
    private final BlacklistSnapshot snapshot;
    private final BlacklistRepair repair;
    private final RevocationStore store;
    private final MirrorHealth health;
    private final Consumer<String> keys;
    private volatile boolean running = true;
    private volatile Session session;
    private final ProbePublisher probe;

    RevocationSubscriber(RedisConnections redis, SubscriberChannels channels, BlacklistSnapshot snapshot,
                         BlacklistRepair repair, RevocationStore store, MirrorHealth health, Consumer<String> keys) {
        this.redis = redis;
        this.channels = channels;
        this.probe = new ProbePublisher(redis, channels.probe());
        this.snapshot = snapshot;
        this.repair = repair;
        this.store = store;
        this.health = health;
        this.keys = keys;
    }

    @Override
    public void run() {
        long retryMillis = FIRST_RETRY_MILLIS;
        boolean failing = false;
        while (running) {
            RevocationListener listener = new RevocationListener(channels, snapshot, repair, store, health, keys);
            try {
                listen(listener);
            } catch (RuntimeException e) {
                // The top of the background loop: whatever broke this connection (Redis down, killed, a failed
                // snapshot), the mirror must reconnect rather than let its only thread die.
                boolean firstFailure = listener.isSynced() || !failing;
                failing = true;
                if (running) {
                    LOG.log(firstFailure ? Level.WARNING : Level.FINE, isOutage(e)
                                    ? "ROTOR-M102 revocation subscriber lost Redis ({0}: {1}); reconnecting"
                                    : "ROTOR-M114 revocation subscriber refused by Redis ({0}: {1}), which waiting "
                                            + "will not heal: check the Redis user and its permissions; retrying",
                            new Object[] {e.getClass().getSimpleName(), escape(e.getMessage())});
                }
            }
            retryMillis = listener.isSynced() ? FIRST_RETRY_MILLIS : retryMillis;
            pause(retryMillis);
            retryMillis = Math.min(retryMillis * 2, LAST_RETRY_MILLIS);
        }
    }

    /**
     * Publishes the probe that proves the subscription still receives what is published, drops a subscription that
     * has not heard it within the staleness, and moves one that is no longer where it should be (a demoted master).
     */
    void heartbeat() {
        Session current = session;
        if (current == null || !current.listener().isSynced()) {
            return;
        }
        if (health.isStale()) {
            LOG.log(Level.WARNING, "ROTOR-M109 no reply from Redis on the revocation channel; reconnecting");
            current.connection().disconnect();
            return;
        }
        try {
            if (!redis.isSubscriberHome(current.node())) {
                LOG.log(Level.INFO, "ROTOR-M113 the Redis master moved; the revocation subscriber follows it");
                current.connection().disconnect();
                return;
            }
        } catch (JedisException e) {
            LOG.log(Level.FINE, "ROTOR-M116 cannot tell where the Redis master is; the subscription stays");
            return;
        }
        probe.publish();
        try {
            repair.repairIfLost(store);
        } catch (JedisException e) {
            LOG.log(Level.FINE, "ROTOR-M119 cannot check whether Redis lost its data; the next heartbeat will");
        }
    }

    /** Asks the loop to end: unsubscribes cleanly, which returns the blocked subscriber. */
    void stop() {
        running = false;
        Session current = session;
        if (current == null) {
            return;
        }
        try {
            if (current.listener().isSubscribed()) {
                current.listener().unsubscribe();
                return;
            }
        } catch (JedisException e) {
            LOG.log(Level.FINE, "ROTOR-M110 unsubscribe failed while stopping; closing the connection");
        }
        current.connection().disconnect();
    }

    /** Ends the loop without waiting for Redis: closes the connection under it. */
    void abort() {
        running = false;
        Session current = session;
        if (current != null) {
            current.connection().disconnect();
        }
    }

    private void listen(RevocationListener listener) {
        try (Jedis connection = redis.dedicatedConnection(CONNECT_TIMEOUT)) {
            session = new Session(connection, connection.getConnection().getHostAndPort(), listener);
            if (running) {
                connection.subscribe(listener, channels.revocations(), channels.probe());
            }
        } finally {
            session = null;
        }
    }

    private void pause(long millis) {
        if (!running) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isOutage(RuntimeException e) {
        return !(e instanceof JedisException failure) || RedisFailures.isOutage(failure);
    }

    private static String escape(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
    }
}
