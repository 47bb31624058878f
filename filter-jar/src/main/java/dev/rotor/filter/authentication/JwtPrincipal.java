package dev.rotor.filter.authentication;

import dev.rotor.filter.verification.VerifiedToken;
import jakarta.security.enterprise.CallerPrincipal;

/**
 * The caller of a request that carried a valid Rotor access token. Its name is the token's {@code sub}; the whole
 * verified token is available for its claims.
 */
public final class JwtPrincipal extends CallerPrincipal {

    private final transient VerifiedToken token;

    public JwtPrincipal(VerifiedToken token) {
        super(token.subject());
        this.token = token;
    }

    /** The verified access token of this request. */
    public VerifiedToken token() {
        return token;
    }
}
