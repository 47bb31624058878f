package dev.rotor.issuer.operations.boundary;

import dev.rotor.issuer.keys.control.KeyMaintenance;
import dev.rotor.testsupport.MutableClock;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Liveness follows the key maintenance loop, whose rounds go on while Redis is down, and nothing else. */
class KeyMaintenanceLivenessTest {

    private static final Duration HEARTBEAT = Duration.ofSeconds(30);

    private final MutableClock clock = MutableClock.atFixedInstant();

    @Test
    void liveWhileRoundsKeepComing() {
        HealthCheckResponse response = liveness(Optional.of(clock.instant().minusSeconds(45))).call();
        assertEquals(Status.UP, response.getStatus());
        assertEquals(45L, response.getData().orElseThrow().get("lastRoundSecondsAgo"));
    }

    @Test
    void liveAtTheLimitOfThreeMissedHeartbeatsPlusSlack() {
        Instant last = clock.instant().minus(HEARTBEAT.multipliedBy(3)).minusSeconds(30);
        assertEquals(Status.UP, liveness(Optional.of(last)).call().getStatus());
        assertEquals(Status.DOWN, liveness(Optional.of(last.minusSeconds(1))).call().getStatus());
    }

    @Test
    void deadWhenTheLoopStopped() {
        HealthCheckResponse response = liveness(Optional.of(clock.instant().minus(Duration.ofMinutes(10)))).call();
        assertEquals(Status.DOWN, response.getStatus());
        assertEquals(120L, response.getData().orElseThrow().get("limitSeconds"));
    }

    @Test
    void liveBeforeTheFirstRound() {
        assertEquals(Status.UP, liveness(Optional.empty()).call().getStatus());
    }

    private KeyMaintenanceLiveness liveness(Optional<Instant> lastRound) {
        return new KeyMaintenanceLiveness(new RecordedMaintenance(lastRound), clock);
    }

    /** A maintenance loop frozen at a given last round; the real loop's recording is tested in KeyRotationTest. */
    private static final class RecordedMaintenance extends KeyMaintenance {

        private final Optional<Instant> lastRound;

        RecordedMaintenance(Optional<Instant> lastRound) {
            this.lastRound = lastRound;
        }

        @Override
        public Optional<Instant> lastRound() {
            return lastRound;
        }

        @Override
        public Duration heartbeat() {
            return HEARTBEAT;
        }
    }
}
