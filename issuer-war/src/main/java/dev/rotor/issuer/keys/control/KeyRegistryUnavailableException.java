package dev.rotor.issuer.keys.control;

/** The public-key registry (Redis) could not be read or written. */
public final class KeyRegistryUnavailableException extends RuntimeException {

    public KeyRegistryUnavailableException(Throwable cause) {
        super("public-key registry unavailable", cause);
    }
}
