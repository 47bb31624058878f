package dev.rotor.issuer.tokens.control;

import dev.rotor.issuer.operations.control.SecurityEvents;
import dev.rotor.issuer.revocation.control.Blacklist;
import dev.rotor.issuer.tokens.entity.OAuthErrorException;
import dev.rotor.issuer.tokens.entity.RotationResult;
import dev.rotor.issuer.tokens.entity.TokenPair;
import dev.rotor.issuer.users.control.UserStore;
import dev.rotor.issuer.users.entity.User;
import dev.rotor.issuer.users.entity.Usernames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The refresh-token grant: rotates the refresh token and issues a new access token for the same session. A reused
 * refresh token means it was stolen or replayed (RFC 9700 §4.14): the whole session is revoked, access tokens
 * included.
 */
@ApplicationScoped
public class RefreshGrant {

    private static final Logger LOG = Logger.getLogger(RefreshGrant.class.getName());

    private final RefreshSessions sessions;
    private final UserStore users;
    private final AccessTokens tokens;
    private final Blacklist blacklist;
    private final SecurityEvents events;

    @Inject
    public RefreshGrant(RefreshSessions sessions, UserStore users, AccessTokens tokens, Blacklist blacklist,
                        SecurityEvents events) {
        this.sessions = sessions;
        this.users = users;
        this.tokens = tokens;
        this.blacklist = blacklist;
        this.events = events;
    }

    protected RefreshGrant() {
        this(null, null, null, null, null);
    }

    public TokenPair refresh(String refreshToken) {
        RotationResult result = sessions.rotate(refreshToken);
        if (result instanceof RotationResult.Rotated rotated) {
            Set<String> groups = currentGroups(rotated);
            TokenPair pair = new TokenPair(tokens.issue(rotated.subject(), groups, rotated.rid(), rotated.clientId()),
                    rotated.newRefreshToken());
            events.refreshed();
            return pair;
        }
        if (result instanceof RotationResult.Reused reused) {
            events.reuseDetected();
            blacklist.revokeSession(reused.rid());
            LOG.warning(() -> "ROTOR-T201 refresh token reuse detected; session " + reused.rid() + " revoked");
            throw OAuthErrorException.invalidGrant("Refresh token reuse detected; the session is revoked");
        }
        throw OAuthErrorException.invalidGrant("Invalid or expired refresh token");
    }

    /** Built-in users get their groups as they are now; a disabled user's session ends here. */
    private Set<String> currentGroups(RotationResult.Rotated rotated) {
        Optional<User> user = Usernames.isValid(rotated.subject()) ? users.find(rotated.subject()) : Optional.empty();
        if (user.isEmpty()) {
            return rotated.groups();
        }
        if (user.get().disabled()) {
            sessions.revoke(rotated.rid());
            blacklist.revokeSession(rotated.rid());
            throw OAuthErrorException.invalidGrant("Invalid or expired refresh token");
        }
        return user.get().groups();
    }
}
