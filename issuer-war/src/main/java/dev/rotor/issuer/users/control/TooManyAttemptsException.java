package dev.rotor.issuer.users.control;

import java.time.Duration;

/** Too many failed logins for the account or from the client: answer 429 with {@code Retry-After}. */
public final class TooManyAttemptsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super("too many failed logins; retry after " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    /** How long until the counter that tripped expires. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** {@link #retryAfter()} in whole seconds, rounded up, at least 1: the value of a {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
