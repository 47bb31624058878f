package dev.rotor.filter.revocation;

import dev.rotor.filter.configuration.FailPolicy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether the mirror can be trusted: it can while Redis was last heard from, on a synchronised subscription, no
 * longer than {@code maxStaleness} ago. Until the first synchronisation it cannot.
 */
final class MirrorHealth {

    private static final Logger LOG = Logger.getLogger(MirrorHealth.class.getName());

    private final Clock clock;
    private final Duration maxStaleness;
    private final FailPolicy policy;
    private final AtomicBoolean outage = new AtomicBoolean();
    private volatile Instant lastContact;

    MirrorHealth(Clock clock, Duration maxStaleness, FailPolicy policy) {
        this.clock = clock;
        this.maxStaleness = maxStaleness;
        this.policy = policy;
    }

    void contact() {
        lastContact = clock.instant();
        if (outage.compareAndSet(true, false)) {
            LOG.log(Level.INFO, "ROTOR-M106 revocation mirror is in contact with Redis again");
        }
    }

    boolean isStale() {
        Instant last = lastContact;
        return last == null || Duration.between(last, clock.instant()).compareTo(maxStaleness) > 0;
    }

    /**
     * @throws RevocationStateUnavailableException if the mirror is stale and the policy is {@link FailPolicy#CLOSED}
     */
    void requireTrusted() {
        if (!isStale()) {
            return;
        }
        if (outage.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, policy == FailPolicy.CLOSED
                    ? "ROTOR-M104 revocation mirror has not heard from Redis within {0}: failing closed (503)"
                    : "ROTOR-M105 revocation mirror has not heard from Redis within {0}: failing open, answering "
                            + "from possibly outdated state", maxStaleness);
        }
        if (policy == FailPolicy.CLOSED) {
            throw new RevocationStateUnavailableException("revocation state is stale");
        }
    }
}
