package dev.rotor.issuer.sessions.control;

import dev.rotor.filter.configuration.InvalidSettingException;
import dev.rotor.filter.configuration.Settings;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long a session lives: it expires after {@code idle} without a refresh, and {@code absolute} after it was
 * created however often it is refreshed.
 */
public record SessionLifetimes(Duration idle, Duration absolute) {

    public static final String IDLE = "rotor.sessions.idle-ttl";
    public static final String ABSOLUTE = "rotor.sessions.absolute-ttl";
    public static final SessionLifetimes DEFAULTS = new SessionLifetimes(Duration.ofDays(14), Duration.ofDays(30));

    public SessionLifetimes {
        Objects.requireNonNull(idle, "idle");
        Objects.requireNonNull(absolute, "absolute");
        if (idle.isNegative() || idle.isZero() || absolute.isNegative() || absolute.isZero()) {
            throw new IllegalArgumentException("session lifetimes must be positive");
        }
    }

    /** @throws InvalidSettingException naming the first bad key */
    public static SessionLifetimes from(Settings settings) {
        Duration idle = settings.duration(IDLE, DEFAULTS.idle());
        Duration absolute = settings.duration(ABSOLUTE, DEFAULTS.absolute());
        if (idle.compareTo(absolute) > 0) {
            throw new InvalidSettingException(IDLE, "must not be longer than " + ABSOLUTE);
        }
        return new SessionLifetimes(idle, absolute);
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
