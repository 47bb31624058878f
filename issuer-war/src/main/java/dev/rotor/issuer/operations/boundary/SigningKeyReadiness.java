package dev.rotor.issuer.operations.boundary;

import dev.rotor.issuer.keys.control.KeyRing;
import dev.rotor.issuer.keys.entity.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.Readiness;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Ready only once this instance has a signing key, which it gets only after the key is published: before that it
 * cannot issue a token. The data shows the key's public {@code kid}, algorithm and age.
 */
@Readiness
@ApplicationScoped
public class SigningKeyReadiness implements HealthCheck {

    static final String NAME = "rotor-signing-key";

    private final KeyRing keys;
    private final Clock clock;

    @Inject
    public SigningKeyReadiness(KeyRing keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    protected SigningKeyReadiness() {
        this(null, null);
    }

    @Override
    public HealthCheckResponse call() {
        Optional<SigningKey> key = keys.current();
        if (key.isEmpty()) {
            return new HealthCheckResponse(NAME, Status.DOWN, Optional.of(Map.of("reason", "no key published yet")));
        }
        Duration age = Duration.between(keys.activeSince().orElse(clock.instant()), clock.instant());
        return new HealthCheckResponse(NAME, Status.UP, Optional.of(Map.of(
                "kid", key.get().kid(),
                "alg", key.get().publicKey().algorithm().name(),
                "ageSeconds", age.toSeconds())));
    }
}
