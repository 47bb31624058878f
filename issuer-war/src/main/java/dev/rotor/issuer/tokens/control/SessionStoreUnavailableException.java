package dev.rotor.issuer.tokens.control;

/**
 * The session store (Redis) could not be read or written. Nothing may be assumed about the outcome: the caller
 * answers 503 ({@code temporarily_unavailable}) and issues no token and reports no logout.
 */
public final class SessionStoreUnavailableException extends RuntimeException {

    public SessionStoreUnavailableException(Throwable cause) {
        super("session store unavailable", cause);
    }
}
