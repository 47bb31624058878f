package dev.rotor.issuer.tokens.entity;

import java.time.Duration;

/**
 * An error of the token, revocation or introspection endpoints, answered as RFC 6749 §5.2 JSON. The description is
 * ours and fixed: never an exception message or anything the client sent.
 */
public final class OAuthErrorException extends RuntimeException {

    private final int status;
    private final String error;
    private final Duration retryAfter;

    private OAuthErrorException(int status, String error, String description, Duration retryAfter) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
        this.retryAfter = retryAfter;
    }

    public static OAuthErrorException invalidRequest(String description) {
        return new OAuthErrorException(400, "invalid_request", description, null);
    }

    public static OAuthErrorException invalidGrant(String description) {
        return new OAuthErrorException(400, "invalid_grant", description, null);
    }

    public static OAuthErrorException unsupportedGrantType() {
        return new OAuthErrorException(400, "unsupported_grant_type",
                "grant_type must be password or refresh_token", null);
    }

    public static OAuthErrorException unsupportedTokenType() {
        return new OAuthErrorException(400, "unsupported_token_type", "This token type cannot be revoked", null);
    }

    public static OAuthErrorException throttled(Duration retryAfter) {
        return new OAuthErrorException(429, "slow_down", "Too many failed attempts. Retry later.", retryAfter);
    }

    public static OAuthErrorException temporarilyUnavailable() {
        return new OAuthErrorException(503, "temporarily_unavailable",
                "The service cannot record this now. Retry shortly.", Duration.ofSeconds(5));
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

    /** @return how long to wait before retrying, or {@code null} */
    public Duration retryAfter() {
        return retryAfter;
    }
}
