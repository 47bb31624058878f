package dev.rotor.issuer.users.control;

/** The login throttle's counters (Redis) could not be read or written. */
public final class ThrottleUnavailableException extends RuntimeException {

    public ThrottleUnavailableException(Throwable cause) {
        super("login throttle unavailable", cause);
    }
}
