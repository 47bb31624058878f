package dev.rotor.issuer.operations.control;

import dev.rotor.issuer.keys.control.KeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** How long ago this instance's signing key was generated; empty while no key has been published. */
@ApplicationScoped
public class SigningKeyAge {

    private final KeyRing keys;
    private final Clock clock;

    @Inject
    public SigningKeyAge(KeyRing keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    protected SigningKeyAge() {
        this(null, null);
    }

    public Optional<Duration> age() {
        return keys.activeSince().map(since -> Duration.between(since, clock.instant()));
    }
}
