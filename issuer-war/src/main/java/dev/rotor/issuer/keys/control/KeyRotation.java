package dev.rotor.issuer.keys.control;

import dev.rotor.issuer.configuration.IssuerConfig;
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
 * Rotates this instance's keys in the one safe order: publish first, and only then let a key sign. Each instance
 * keeps a next key that is published a whole rotation period before it signs, so verifiers that only poll the JWKS
 * already hold it when its first token arrives. If a publish fails, nothing changes and the current key keeps
 * signing: no token may ever carry a {@code kid} that verifiers cannot find.
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
     * The next key signs from now on, and a new next key is published. At the first call, both are new.
     *
     * @throws dev.rotor.issuer.availability.RedisUnavailableException if the keys could not be published; the
     *         current key still signs
     */
    public synchronized void rotate() {
        Instant now = clock.instant();
        SigningKey active = ring.next().orElseGet(() -> generator.generate(now));
        SigningKey next = generator.generate(now);
        registry.publish(ring.publicationAfter(active, next, now, lifetimes), now);
        ring.install(active, next, now, lifetimes);
        LOG.info(() -> "ROTOR-K001 instance " + ring.instance() + ": key " + active.kid() + " ("
                + active.publicKey().algorithm() + ") now signs; key " + next.kid() + " is published to sign next");
    }

    /**
     * Re-publishes every key of this instance with a fresh expiry: the heartbeat, and the repair after an outage.
     *
     * @throws dev.rotor.issuer.availability.RedisUnavailableException if Redis cannot be written
     */
    public synchronized void renew() {
        Instant now = clock.instant();
        registry.publish(ring.publication(now, lifetimes), now);
    }

    /** Every key of this instance as {@link #renew()} publishes it, now. */
    public List<PublishedKey> publication() {
        return ring.publication(clock.instant(), lifetimes);
    }

    public boolean rotationDue() {
        return untilRotation().isZero();
    }

    /** Time left before the active key should be replaced; zero when it is due, or when there is none yet. */
    public Duration untilRotation() {
        return ring.activeSince()
                .map(since -> Duration.between(clock.instant(), lifetimes.rotationDue(since)))
                .filter(left -> !left.isNegative() && !left.isZero())
                .orElse(Duration.ZERO);
    }

    public Duration heartbeat() {
        return lifetimes.heartbeat();
    }
}
