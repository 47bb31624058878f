package dev.rotor.filter.verification;

/** The token cannot be checked right now (for example the revocation mirror is stale): answer 503. */
public final class BackendUnavailableException extends VerificationException {

    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
