package dev.rotor.issuer.operations.control;

/** The security events an operator alerts on, counted as they happen. */
public interface SecurityEvents {

    /** An access token was signed, by login or refresh. */
    void tokenIssued();

    /** A refresh token was rotated. */
    void refreshed();

    /** A refresh token was presented again; its session is ended. */
    void reuseDetected();

    /** A blacklist entry was written: one session, or all of one user. */
    void revoked();

    /** A password login was refused for wrong credentials. */
    void loginFailed();

    /** A password login was refused by the login throttle. */
    void loginThrottled();
}
