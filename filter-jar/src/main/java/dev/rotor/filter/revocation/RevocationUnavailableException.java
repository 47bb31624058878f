package dev.rotor.filter.revocation;

/** Redis could not record or publish a revocation. The caller must report failure (503), never success. */
public final class RevocationUnavailableException extends RuntimeException {

    public RevocationUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
