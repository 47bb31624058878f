package dev.rotor.issuer.keys.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KeyLifetimesTest {

    private final KeyLifetimes lifetimes = new KeyLifetimes(
            Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofSeconds(30));
    private final Instant t = Instant.parse("2026-05-01T12:00:00Z");

    @Test
    void retiredKeyExpiresOneAccessTokenLifetimePlusLeewayAfterItStoppedSigning() {
        assertEquals(Instant.parse("2026-05-01T12:15:30Z"), lifetimes.retiredExpiry(t));
    }

    @Test
    void activeKeyOutlivesAMissedHeartbeatByOneTokenLifetimePlusLeeway() {
        assertEquals(Instant.parse("2026-05-01T12:16:00Z"), lifetimes.activeExpiry(t));
    }

    @Test
    void rotationIsDueOnePeriodAfterCreation() {
        assertEquals(Instant.parse("2026-05-01T13:00:00Z"), lifetimes.rotationDue(t));
    }
}
