package dev.rotor.issuer.users.control;

/** The user store (Redis) could not be read or written. */
public final class UserStoreUnavailableException extends RuntimeException {

    public UserStoreUnavailableException(Throwable cause) {
        super("user store unavailable", cause);
    }
}
