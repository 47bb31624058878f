package dev.rotor.issuer.keys.control;

import dev.rotor.issuer.availability.RedisUnavailableException;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drives {@link KeyRotation} on the container's managed scheduler: the first key at start, a heartbeat that renews
 * this instance's keys and repairs a registry that lost its data ({@link KnownKeys}), rotation when due, and retries
 * with exponential backoff while Redis is unreachable.
 */
@ApplicationScoped
public class KeyMaintenance {

    private static final Logger LOG = Logger.getLogger(KeyMaintenance.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    /** While Redis is unreachable it is retried at least this often, so keys are back within seconds of it. */
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(2);

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final KeyRotation rotation;
    private final KnownKeys known;
    private final Clock clock;
    private int failures;
    private volatile boolean stopped;
    private volatile ScheduledFuture<?> next;
    private volatile Instant lastRound;

    @Inject
    public KeyMaintenance(KeyRotation rotation, KnownKeys known, Clock clock) {
        this.rotation = rotation;
        this.known = known;
        this.clock = clock;
    }

    protected KeyMaintenance() {
        this(null, null, null);
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        scheduleAfter(tick());
    }

    /** One round of maintenance. Returns how long to wait before the next one. */
    synchronized Duration tick() {
        try {
            if (rotation.rotationDue()) {
                rotation.rotate();
            } else {
                rotation.renew();
            }
            known.check(clock.instant());
            if (failures > 0) {
                LOG.info("ROTOR-K002 public-key registry reachable again; keys re-published");
            }
            failures = 0;
            Duration untilRotation = rotation.untilRotation();
            return untilRotation.compareTo(rotation.heartbeat()) < 0 ? untilRotation : rotation.heartbeat();
        } catch (RedisUnavailableException e) {
            if (failures++ == 0) {
                LOG.warning("ROTOR-K102 public-key registry unreachable; the current key keeps signing, retrying: "
                        + e.getCause().getClass().getSimpleName());
            }
            return backoff(failures);
        } finally {
            lastRound = clock.instant();
        }
    }

    /** When the last round ended, whether or not Redis could be reached; empty before the first round. */
    public Optional<Instant> lastRound() {
        return Optional.ofNullable(lastRound);
    }

    /** The longest pause between two rounds, outages included. */
    public Duration heartbeat() {
        return rotation.heartbeat();
    }

    Duration backoff(int failedAttempts) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(failedAttempts - 1, 10));
        Duration longest = LONGEST_RETRY.compareTo(rotation.heartbeat()) < 0 ? LONGEST_RETRY : rotation.heartbeat();
        return delay.compareTo(longest) < 0 ? delay : longest;
    }

    private void scheduleAfter(Duration delay) {
        if (!stopped) {
            next = scheduler.schedule(this::runScheduled, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A background loop must outlive any single failure, or keys would silently stop being renewed. */
    private void runScheduled() {
        Duration delay;
        try {
            delay = tick();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "ROTOR-K103 key maintenance failed; retrying after one heartbeat", e);
            delay = rotation.heartbeat();
        }
        scheduleAfter(delay);
    }

    @PreDestroy
    void stop() {
        stopped = true;
        ScheduledFuture<?> pending = next;
        if (pending != null) {
            pending.cancel(false);
        }
    }
}
