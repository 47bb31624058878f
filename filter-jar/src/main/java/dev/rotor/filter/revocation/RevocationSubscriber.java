package dev.rotor.filter.revocation;

import dev.rotor.filter.configuration.RedisEndpoint;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The background loop that keeps a {@link RevocationStore} in step with Redis. On every (re)connect it subscribes
 * first and loads the snapshot only once the subscription is confirmed, so an event published in between is either
 * in the snapshot or delivered afterwards. It reconnects with capped exponential backoff until {@link #stop()}.
 */
final class RevocationSubscriber implements Runnable {

    private static final Logger LOG = Logger.getLogger(RevocationSubscriber.class.getName());
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long LAST_RETRY_MILLIS = 2000;

    private record Session(Jedis connection, RevocationListener listener) {
    }

    private final RedisEndpoint endpoint;
    private final String channel;
    private final BlacklistSnapshot snapshot;
    private final RevocationStore store;
    private final MirrorHealth health;
    private final Consumer<String> keys;
    /** Jedis does not serialise writes; the heartbeat and {@link #stop()} both write to the subscriber connection. */
    private final Object writes = new Object();
    private volatile boolean running = true;
    private volatile Session session;

    RevocationSubscriber(RedisEndpoint endpoint, String channel, BlacklistSnapshot snapshot, RevocationStore store,
                         MirrorHealth health, Consumer<String> keys) {
        this.endpoint = endpoint;
        this.channel = channel;
        this.snapshot = snapshot;
        this.store = store;
        this.health = health;
        this.keys = keys;
    }

    @Override
    public void run() {
        long retryMillis = FIRST_RETRY_MILLIS;
        boolean failing = false;
        while (running) {
            RevocationListener listener = new RevocationListener(snapshot, store, health, keys);
            try {
                listen(listener);
            } catch (RuntimeException e) {
                // The top of the background loop: whatever broke this connection (Redis down, killed, a failed
                // snapshot), the mirror must reconnect rather than let its only thread die.
                boolean firstFailure = listener.isSynced() || !failing;
                failing = true;
                if (running) {
                    LOG.log(firstFailure ? Level.WARNING : Level.FINE,
                            "ROTOR-M102 revocation subscriber lost Redis ({0}: {1}); reconnecting",
                            new Object[] {e.getClass().getSimpleName(), escape(e.getMessage())});
                }
            }
            retryMillis = listener.isSynced() ? FIRST_RETRY_MILLIS : retryMillis;
            pause(retryMillis);
            retryMillis = Math.min(retryMillis * 2, LAST_RETRY_MILLIS);
        }
    }

    /** Pings Redis to prove the connection alive, or drops a connection that stopped answering. */
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
            synchronized (writes) {
                current.listener().ping();
            }
        } catch (JedisException e) {
            LOG.log(Level.FINE, "ROTOR-M108 revocation heartbeat could not be sent; the subscriber will reconnect");
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
            synchronized (writes) {
                if (current.listener().isSubscribed()) {
                    current.listener().unsubscribe();
                    return;
                }
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
        try (Jedis connection = endpoint.connection(CONNECT_TIMEOUT)) {
            session = new Session(connection, listener);
            if (running) {
                connection.subscribe(listener, channel);
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

    private static String escape(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
    }
}
