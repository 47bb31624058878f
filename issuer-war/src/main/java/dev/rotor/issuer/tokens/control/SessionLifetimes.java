package dev.rotor.issuer.tokens.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long a session lives: it expires after {@code idle} without a refresh, and {@code absolute} after it was
 * created however often it is refreshed.
 */
public record SessionLifetimes(Duration idle, Duration absolute) {

    public static final SessionLifetimes DEFAULTS = new SessionLifetimes(Duration.ofDays(14), Duration.ofDays(30));

    public SessionLifetimes {
        Objects.requireNonNull(idle, "idle");
        Objects.requireNonNull(absolute, "absolute");
        if (idle.isNegative() || idle.isZero() || absolute.isNegative() || absolute.isZero()) {
            throw new IllegalArgumentException("session lifetimes must be positive");
        }
    }

    public Instant idleExpiry(Instant lastUsedAt) {
        return lastUsedAt.plus(idle);
    }

    public Instant absoluteExpiry(Instant createdAt) {
        return createdAt.plus(absolute);
    }

    /** The earlier of both expiries: when the current refresh token stops working unless used before. */
    public Instant expiry(Instant createdAt, Instant lastUsedAt) {
        Instant idleExpiry = idleExpiry(lastUsedAt);
        Instant absoluteExpiry = absoluteExpiry(createdAt);
        return idleExpiry.isBefore(absoluteExpiry) ? idleExpiry : absoluteExpiry;
    }
}
