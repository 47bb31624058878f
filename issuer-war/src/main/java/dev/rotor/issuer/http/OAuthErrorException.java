package dev.rotor.issuer.http;

import java.time.Duration;
import java.util.Optional;

/**
 * An error of the token, revocation or introspection endpoints, answered as RFC 6749 §5.2 JSON. Thrown by their
 * boundaries only; control code returns outcomes. The description is ours and fixed: never an exception message or
 * anything the client sent.
 */
public final class OAuthErrorException extends RuntimeException {

    private final int status;
    private final String error;
    private final Duration retryAfter;
    private final String challenge;

    private OAuthErrorException(int status, String error, String description, Duration retryAfter) {
        this(status, error, description, retryAfter, null);
    }

    private OAuthErrorException(int status, String error, String description, Duration retryAfter, String challenge) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
        this.retryAfter = retryAfter;
        this.challenge = challenge;
    }

    /**
     * The client could not be authenticated (RFC 6749 §5.2): 401, with a {@code Basic} challenge when it tried the
     * {@code Authorization} header.
     */
    public static OAuthErrorException invalidClient(boolean triedBasic) {
        return new OAuthErrorException(401, "invalid_client", "Client authentication failed", null,
                triedBasic ? "Basic realm=\"" + BearerRealm.NAME + "\"" : null);
    }

    public static OAuthErrorException unauthorizedClient() {
        return new OAuthErrorException(400, "unauthorized_client", "This client may not use this grant type", null);
    }

    public static OAuthErrorException invalidRequest(String description) {
        return new OAuthErrorException(400, "invalid_request", description, null);
    }

    public static OAuthErrorException invalidGrant(String description) {
        return new OAuthErrorException(400, "invalid_grant", description, null);
    }

    public static OAuthErrorException unsupportedGrantType() {
        return new OAuthErrorException(400, "unsupported_grant_type",
                "grant_type must be authorization_code, refresh_token or password", null);
    }

    public static OAuthErrorException throttled(Duration retryAfter) {
        return new OAuthErrorException(429, "slow_down", "Too many failed attempts. Retry later.", retryAfter);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }

    /** The {@code WWW-Authenticate} value, for an {@code invalid_client} of a Basic attempt. */
    public Optional<String> challenge() {
        return Optional.ofNullable(challenge);
    }

    /** How long to wait before retrying, for a throttled request. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
