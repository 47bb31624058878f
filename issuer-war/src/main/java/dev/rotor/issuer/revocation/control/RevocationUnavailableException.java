package dev.rotor.issuer.revocation.control;

/** Redis could not record or publish a revocation. The caller must report failure (503), never success. */
public final class RevocationUnavailableException extends RuntimeException {

    public RevocationUnavailableException(Throwable cause) {
        super("the revocation could not be recorded in Redis", cause);
    }
}
