package dev.rotor.issuer.revocation.control;

import dev.rotor.filter.authentication.Verifier;
import dev.rotor.filter.verification.TokenRejectedException;
import dev.rotor.filter.verification.VerifiedToken;
import dev.rotor.issuer.tokens.control.RefreshSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Logout and RFC 7009 revocation: a refresh token ends its session; an access token ends the session named by its
 * {@code rid}. Either way the session's access tokens are blacklisted everywhere.
 */
@ApplicationScoped
public class TokenRevocation {

    private final RefreshSessions sessions;
    private final Blacklist blacklist;
    private final Verifier verifier;

    @Inject
    public TokenRevocation(RefreshSessions sessions, Blacklist blacklist, Verifier verifier) {
        this.sessions = sessions;
        this.blacklist = blacklist;
        this.verifier = verifier;
    }

    protected TokenRevocation() {
        this(null, null, null);
    }

    /**
     * Revokes the session of {@code token}, if it has one. Unknown, expired and already revoked tokens are not an
     * error (RFC 7009 §2.2).
     *
     * @throws dev.rotor.issuer.revocation.control.RevocationUnavailableException if the blacklist cannot be written
     */
    public void revoke(String token) {
        if (isCompactJws(token)) {
            revokeAccessToken(token);
        } else {
            sessions.revokeByRefreshToken(token).ifPresent(session -> blacklist.revokeSession(session.rid()));
        }
    }

    private void revokeAccessToken(String token) {
        VerifiedToken verified;
        try {
            verified = verifier.verify(token);
        } catch (TokenRejectedException e) {
            return;
        }
        blacklist.revokeSession(verified.rid());
        sessions.revoke(verified.rid());
    }

    private static boolean isCompactJws(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }
}
