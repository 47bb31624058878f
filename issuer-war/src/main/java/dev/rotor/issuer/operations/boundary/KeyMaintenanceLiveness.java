package dev.rotor.issuer.operations.boundary;

import dev.rotor.issuer.keys.control.KeyMaintenance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.Liveness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Live while the key maintenance loop keeps running. A round counts whether or not Redis answered, so a Redis
 * outage never makes this instance "dead" (restarting it would not bring Redis back); a loop that stopped does,
 * because without it this instance's keys expire from every verifier.
 */
@Liveness
@ApplicationScoped
public class KeyMaintenanceLiveness implements HealthCheck {

    static final String NAME = "rotor-key-maintenance";
    /** Room for a round that waits on Redis time-outs before it ends. */
    private static final Duration SLACK = Duration.ofSeconds(30);
    private static final int MISSED_ROUNDS = 3;

    private final KeyMaintenance maintenance;
    private final Clock clock;

    @Inject
    public KeyMaintenanceLiveness(KeyMaintenance maintenance, Clock clock) {
        this.maintenance = maintenance;
        this.clock = clock;
    }

    protected KeyMaintenanceLiveness() {
        this(null, null);
    }

    @Override
    public HealthCheckResponse call() {
        Optional<Instant> lastRound = maintenance.lastRound();
        if (lastRound.isEmpty()) {
            // not started yet: that is deployment's business, not a reason to restart
            return new HealthCheckResponse(NAME, Status.UP, Optional.empty());
        }
        Duration since = Duration.between(lastRound.get(), clock.instant());
        Duration limit = maintenance.heartbeat().multipliedBy(MISSED_ROUNDS).plus(SLACK);
        Status status = since.compareTo(limit) <= 0 ? Status.UP : Status.DOWN;
        return new HealthCheckResponse(NAME, status, Optional.of(Map.of(
                "lastRoundSecondsAgo", since.toSeconds(),
                "limitSeconds", limit.toSeconds())));
    }
}
