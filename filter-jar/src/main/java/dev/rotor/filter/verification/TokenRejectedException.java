package dev.rotor.filter.verification;

/** The token is not acceptable: answer 401 {@code invalid_token}. The reason is for logs and metrics only. */
public final class TokenRejectedException extends VerificationException {

    /** Why a token was rejected. Never shown to the caller. */
    public enum Reason {
        MALFORMED,
        TOO_LARGE,
        ALGORITHM_NOT_ALLOWED,
        WRONG_TYPE,
        UNSUPPORTED_HEADER,
        UNKNOWN_KEY,
        KEY_ALGORITHM_MISMATCH,
        BAD_SIGNATURE,
        EXPIRED,
        NOT_YET_VALID,
        WRONG_ISSUER,
        WRONG_AUDIENCE,
        MISSING_CLAIM,
        REVOKED
    }

    private final Reason reason;

    public TokenRejectedException(Reason reason) {
        super("token rejected: " + reason, null);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
