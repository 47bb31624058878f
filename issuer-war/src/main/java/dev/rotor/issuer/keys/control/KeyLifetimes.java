package dev.rotor.issuer.keys.control;

import dev.rotor.issuer.configuration.IssuerConfig;

import java.time.Duration;
import java.time.Instant;

/**
 * How long keys live. A key stays published as long as a token it signed can still be accepted: the access-token
 * lifetime plus the verifiers' leeway after it last signed. An active key may sign until its instance's next missed
 * heartbeat, so a crashed instance's key ages out on its own.
 */
public record KeyLifetimes(Duration rotation, Duration heartbeat, Duration accessTtl, Duration leeway) {

    public static KeyLifetimes of(KeySettings settings, IssuerConfig core) {
        return new KeyLifetimes(settings.rotation(), settings.heartbeat(), core.accessTtl(), core.leeway());
    }

    /** How long a token this instance signs can be accepted. */
    public Duration tokenLifetime() {
        return accessTtl.plus(leeway);
    }

    /** Expiry of an active key renewed at {@code now}. */
    public Instant activeExpiry(Instant now) {
        return now.plus(heartbeat).plus(accessTtl).plus(leeway);
    }

    /** Expiry of a key that stopped signing at {@code retiredAt}. */
    public Instant retiredExpiry(Instant retiredAt) {
        return retiredAt.plus(accessTtl).plus(leeway);
    }

    /** When a key that started to sign at {@code activatedAt} should hand over to the next one. */
    public Instant rotationDue(Instant activatedAt) {
        return activatedAt.plus(rotation);
    }
}
