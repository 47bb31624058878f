package dev.rotor.issuer.availability;

import java.time.Duration;

/**
 * A back end that a request needs is unavailable, so nothing was decided: no token is issued that was not recorded,
 * and no revocation is reported that did not happen. Every kind gets the same answer, 503 with
 * {@link #RETRY_AFTER}, from one mapper ({@code dev.rotor.issuer.http.UnavailableMapper}) in the format of the
 * endpoint that was called.
 */
public abstract sealed class BackendUnavailableException extends RuntimeException
        permits RedisUnavailableException, SigningUnavailableException, VerificationUnavailableException {

    /** How long a client should wait before it tries again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    BackendUnavailableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** What is unavailable, for the one log line of the refusal. Never an address or a secret. */
    public abstract String backend();
}
