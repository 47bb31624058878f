package dev.rotor.issuer.operations.control;

import dev.rotor.issuer.keys.control.KeyLifetimes;
import dev.rotor.issuer.keys.control.KeyRing;
import dev.rotor.filter.protocol.JwsAlgorithm;
import dev.rotor.issuer.keys.entity.SigningKey;
import dev.rotor.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The gauge reports the active key's age in whole seconds, and no value at all while there is no key. */
class KeyAgeGaugeTest {

    private static final KeyLifetimes LIFETIMES = new KeyLifetimes(
            Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofSeconds(30));

    private final MutableClock clock = MutableClock.atFixedInstant();
    private final KeyRing ring = new KeyRing();
    private final SigningKeyAge age = new SigningKeyAge(ring, clock);

    @Test
    void noValueBeforeTheFirstKey() {
        assertNull(KeyAgeGauge.seconds(age));
    }

    @Test
    void ageCountsFromWhenTheActiveKeyStartedToSignAndRestartsWithTheNextKey() {
        SigningKey next = key();
        ring.install(key(), next, clock.instant(), LIFETIMES);
        clock.advance(Duration.ofMillis(61_900));
        assertEquals(61L, KeyAgeGauge.seconds(age));

        ring.install(next, key(), clock.instant(), LIFETIMES);
        clock.advance(Duration.ofSeconds(2));
        assertEquals(2L, KeyAgeGauge.seconds(age), "the next key was made long before, but signs only now");
    }

    private SigningKey key() {
        return SigningKey.generate(JwsAlgorithm.ES256, clock.instant());
    }
}
