package dev.rotor.issuer.cookies.control;

/** A state-changing browser request failed the CSRF check: answer 403 and change nothing. */
public final class CsrfRejectedException extends RuntimeException {

    /** Why, for the log; the client only learns that it was refused. */
    public enum Reason { CROSS_SITE, FOREIGN_ORIGIN, MISSING_COOKIE, MISSING_TOKEN, MISMATCH }

    private final Reason reason;

    public CsrfRejectedException(Reason reason) {
        super("CSRF check failed: " + reason, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
