package dev.rotor.issuer.sessions.entity;

/**
 * The issuer's own browser sessions: those the login form opens, whose refresh token is in the browser's cookie.
 * The {@code rid} of one is the {@code sid} of every ID token signed in from it.
 */
public final class LoginSessions {

    /** The {@code client_id} of sessions opened by the login form. */
    public static final String CLIENT_ID = "rotor-login";

    private LoginSessions() {
    }
}
