package dev.rotor.issuer.keys.control;

import dev.rotor.issuer.availability.RedisUnavailableException;
import dev.rotor.issuer.configuration.IssuerConfig;
import dev.rotor.issuer.keys.entity.KeyStatus;
import dev.rotor.issuer.keys.entity.PublishedKey;
import dev.rotor.issuer.keys.entity.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Rotates this instance's key in the one safe order: generate, publish the public key, and only then let it sign.
 * If the publish fails the current key keeps signing and nothing changes, since no token may ever carry a
 * {@code kid} that verifiers cannot find.
 */
@ApplicationScoped
public class KeyRotation {

    private static final Logger LOG = Logger.getLogger(KeyRotation.class.getName());

    private final KeyRing ring;
    private final PublicKeyRegistry registry;
    private final KeyGenerator generator;
    private final KeyLifetimes lifetimes;
    private final Clock clock;

    @Inject
    public KeyRotation(KeyRing ring, PublicKeyRegistry registry, KeySettings settings, IssuerConfig core,
                       Clock clock) {
        this(ring, registry, new KeyGenerator(settings.algorithm()), KeyLifetimes.of(settings, core), clock);
    }

    KeyRotation(KeyRing ring, PublicKeyRegistry registry, KeyGenerator generator, KeyLifetimes lifetimes,
                Clock clock) {
        this.ring = ring;
        this.registry = registry;
        this.generator = generator;
        this.lifetimes = lifetimes;
        this.clock = clock;
    }

    protected KeyRotation() {
        this(null, null, (KeyGenerator) null, null, null);
    }

    /**
     * Replaces the signing key now.
     *
     * @throws RedisUnavailableException if the new key could not be published; the old key still signs
     */
    public synchronized void rotate() {
        Instant now = clock.instant();
        SigningKey next = generator.generate(now);
        registry.publish(List.of(new PublishedKey(next.publicKey(), KeyStatus.ACTIVE, null,
                lifetimes.activeExpiry(now))), now);
        ring.activate(next, now, lifetimes);
        LOG.info(() -> "ROTOR-K001 key " + next.kid() + " (" + next.publicKey().algorithm() + ") now signs");
        renew();
    }

    /**
     * Re-publishes every key of this instance with a fresh expiry: the heartbeat, and the repair after an outage.
     *
     * @throws RedisUnavailableException if Redis cannot be written
     */
    public synchronized void renew() {
        Instant now = clock.instant();
        registry.publish(ring.publication(now, lifetimes), now);
    }

    public boolean rotationDue() {
        return untilRotation().isZero();
    }

    /** Time left before the active key should be replaced; zero when it is due, or when there is none yet. */
    public Duration untilRotation() {
        return ring.current()
                .map(key -> Duration.between(clock.instant(), lifetimes.rotationDue(key.publicKey().createdAt())))
                .filter(left -> !left.isNegative() && !left.isZero())
                .orElse(Duration.ZERO);
    }

    public Duration heartbeat() {
        return lifetimes.heartbeat();
    }
}
