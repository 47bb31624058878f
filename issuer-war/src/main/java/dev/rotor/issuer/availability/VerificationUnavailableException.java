package dev.rotor.issuer.availability;

/**
 * The issuer's own verifier cannot tell whether an access token is revoked: its revocation mirror has not heard
 * from Redis within its staleness bound.
 */
public final class VerificationUnavailableException extends BackendUnavailableException {

    public VerificationUnavailableException(Throwable cause) {
        super("revocation state unavailable", cause);
    }

    @Override
    public String backend() {
        return "revocation mirror";
    }
}
