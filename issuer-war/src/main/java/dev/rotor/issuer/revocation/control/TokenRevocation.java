package dev.rotor.issuer.revocation.control;

import dev.rotor.filter.verification.VerifiedToken;
import dev.rotor.issuer.authentication.IssuedTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Logout and RFC 7009 revocation: a refresh token ends its session; an access token ends the session named by its
 * {@code rid}. Either way the session's access tokens are blacklisted everywhere.
 */
@ApplicationScoped
public class TokenRevocation {

    private final SessionTermination termination;
    private final IssuedTokens tokens;

    @Inject
    public TokenRevocation(SessionTermination termination, IssuedTokens tokens) {
        this.termination = termination;
        this.tokens = tokens;
    }

    protected TokenRevocation() {
        this(null, null);
    }

    /**
     * Revokes the session of {@code token}, if it has one. Unknown, expired and already revoked tokens are not an
     * error (RFC 7009 §2.2).
     *
     * @throws dev.rotor.issuer.availability.BackendUnavailableException if the revocation cannot be recorded
     */
    public void revoke(String token) {
        if (isCompactJws(token)) {
            tokens.verified(token).map(VerifiedToken::rid).ifPresent(termination::end);
        } else {
            termination.endByRefreshToken(token);
        }
    }

    private static boolean isCompactJws(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }
}
