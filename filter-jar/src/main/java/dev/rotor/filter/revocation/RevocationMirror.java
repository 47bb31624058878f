package dev.rotor.filter.revocation;

import dev.rotor.filter.protocol.RedisNames;
import dev.rotor.filter.configuration.FailPolicy;
import dev.rotor.filter.configuration.RedisEndpoint;
import dev.rotor.filter.redis.RedisConnections;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The verifier's view of the Redis blacklist: an in-memory mirror fed by pub/sub and a snapshot taken after every
 * (re)subscription, so each {@link #isRevoked} is a hash lookup with no network call. If Redis has not been heard
 * from within {@code maxStaleness}, the {@link FailPolicy} decides: {@code CLOSED} refuses to answer, {@code OPEN}
 * answers from memory. Until the first snapshot has loaded, the mirror counts as stale.
 *
 * <p>It works on every {@link dev.rotor.filter.redis.RedisTopology}: on Sentinel it subscribes at the current master
 * and moves after a failover; on Cluster it subscribes at any node (classic pub/sub reaches every node), moves to
 * another when that node dies, and its snapshot scans every master. Because contact is proven by its own probe
 * travelling the same way as a revocation, a subscription on a node that no longer receives revocations (a
 * partitioned node, a stale master) goes stale and moves, instead of staying trusted.
 *
 * <pre>{@code
 * try (var mirror = new RevocationMirror(endpoint, new RedisNames("rotor:"), FailPolicy.CLOSED, Duration.ofSeconds(10),
 *         Clock.systemUTC(), managedThreadFactory)) {
 *     mirror.start();
 *     ...
 * }
 * }</pre>
 */
public final class RevocationMirror implements RevocationCheck, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RevocationMirror.class.getName());
    private static final Duration LONGEST_HEARTBEAT = Duration.ofSeconds(30);
    private static final Duration SHORTEST_HEARTBEAT = Duration.ofMillis(10);
    private static final long CLOSE_STEP_MILLIS = 450;

    private final RedisConnections redis;
    private final RevocationStore store;
    private final MirrorHealth health;
    private final RevocationSubscriber subscriber;
    private final Thread subscriberThread;
    private final ScheduledExecutorService heartbeat;
    private final Duration heartbeatInterval;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param endpoint     the Redis to mirror
     * @param names        the Redis names shared with the issuer
     * @param policy       what {@link #isRevoked} does when the mirror is stale
     * @param maxStaleness how long without word from Redis the mirror stays trusted; every third of it the mirror
     *                     publishes a probe on a channel of its own, and only hearing it on the subscription counts
     * @param clock        the time for expiry and staleness
     * @param threads      makes the subscriber and heartbeat threads; in a container, a {@code ManagedThreadFactory}
     */
    public RevocationMirror(RedisEndpoint endpoint, RedisNames names, FailPolicy policy, Duration maxStaleness,
                            Clock clock, ThreadFactory threads) {
        this(endpoint, names, policy, maxStaleness, clock, threads, kid -> {
        });
    }

    /**
     * Like the other constructor, and tells {@code keys} the {@code kid} of every key an issuer announces on the
     * channel, on the subscriber thread: it must return at once.
     */
    public RevocationMirror(RedisEndpoint endpoint, RedisNames names, FailPolicy policy, Duration maxStaleness,
                            Clock clock, ThreadFactory threads, Consumer<String> keys) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(names, "names");
        if (maxStaleness.isNegative() || maxStaleness.isZero()) {
            throw new IllegalArgumentException("maxStaleness must be positive");
        }
        this.redis = endpoint.connect();
        this.store = new RevocationStore(clock);
        this.health = new MirrorHealth(clock, maxStaleness, Objects.requireNonNull(policy, "policy"));
        SubscriberChannels channels = new SubscriberChannels(names.revocationChannel(),
                names.prefix() + "probe:" + UUID.randomUUID());
        this.subscriber = new RevocationSubscriber(redis, channels, new BlacklistSnapshot(redis, names, clock),
                new BlacklistRepair(redis, names, clock), store,
                health, Objects.requireNonNull(keys, "keys"));
        this.subscriberThread = threads.newThread(subscriber);
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(threads);
        Duration third = maxStaleness.dividedBy(3);
        this.heartbeatInterval = third.compareTo(LONGEST_HEARTBEAT) > 0 ? LONGEST_HEARTBEAT
                : third.compareTo(SHORTEST_HEARTBEAT) < 0 ? SHORTEST_HEARTBEAT : third;
    }

    /** Starts the subscriber and the heartbeat. Returns at once; the mirror is trusted after its first snapshot. */
    public void start() {
        if (closed.get() || !started.compareAndSet(false, true)) {
            throw new IllegalStateException("a mirror starts once and cannot restart after close");
        }
        subscriberThread.start();
        long period = heartbeatInterval.toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Answers from memory only.
     *
     * @throws RevocationStateUnavailableException if the mirror is stale and the policy is
     *         {@link FailPolicy#CLOSED}
     */
    @Override
    public boolean isRevoked(String rid, String jti, String subject, Instant issuedAt) {
        health.requireTrusted();
        return store.isRevoked(rid, jti, subject, issuedAt);
    }

    /** Whether Redis was heard from within {@code maxStaleness}: for health checks. */
    public boolean isTrusted() {
        return !health.isStale();
    }

    /** Unsubscribes, stops both threads and closes the Redis connections, within about a second. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        heartbeat.shutdownNow();
        subscriber.stop();
        if (!awaitEnd()) {
            subscriber.abort();
            subscriberThread.interrupt();
            if (!awaitEnd()) {
                LOG.log(Level.WARNING, "ROTOR-M111 revocation subscriber thread did not end in time");
            }
        }
        redis.close();
    }

    private void beat() {
        try {
            store.evictExpired();
            subscriber.heartbeat();
        } catch (RuntimeException e) {
            // The top of a periodic task: an exception would silently cancel every later heartbeat.
            LOG.log(Level.WARNING, "ROTOR-M112 revocation heartbeat failed: {0}", e.getClass().getSimpleName());
        }
    }

    private boolean awaitEnd() {
        try {
            subscriberThread.join(CLOSE_STEP_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !subscriberThread.isAlive();
    }
}
