package dev.rotor.filter.revocation;

/**
 * The mirror cannot say whether a token is revoked, because Redis has been silent for longer than the allowed
 * staleness and the fail policy is {@code closed}. The verifier answers 503, never 200 and never 401.
 */
public final class RevocationStateUnavailableException extends RuntimeException {

    public RevocationStateUnavailableException(String message) {
        super(message, null, false, false);
    }
}
