package dev.rotor.issuer.tokens.control;

import dev.rotor.issuer.operations.control.SecurityEvents;
import dev.rotor.issuer.revocation.control.SessionTermination;
import dev.rotor.issuer.sessions.control.RefreshSessions;
import dev.rotor.issuer.sessions.entity.RotationResult;
import dev.rotor.issuer.tokens.entity.GrantResult;
import dev.rotor.issuer.tokens.entity.GrantResult.Refusal;
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
 * refresh token means it was stolen or replayed (RFC 9700 §4.14): the whole session is ended, access tokens
 * included.
 */
@ApplicationScoped
public class RefreshGrant {

    private static final Logger LOG = Logger.getLogger(RefreshGrant.class.getName());

    private final RefreshSessions sessions;
    private final UserStore users;
    private final AccessTokens tokens;
    private final SessionTermination termination;
    private final SecurityEvents events;

    @Inject
    public RefreshGrant(RefreshSessions sessions, UserStore users, AccessTokens tokens,
                        SessionTermination termination, SecurityEvents events) {
        this.sessions = sessions;
        this.users = users;
        this.tokens = tokens;
        this.termination = termination;
        this.events = events;
    }

    protected RefreshGrant() {
        this(null, null, null, null, null);
    }

    /** @throws dev.rotor.issuer.availability.BackendUnavailableException if the outcome cannot be recorded */
    public GrantResult refresh(String refreshToken) {
        return refresh(refreshToken, null);
    }

    /**
     * @param clientId the authenticated client that asks, or {@code null} when the request named none; a session
     *                 issued to a registered client refreshes for that client only
     */
    public GrantResult refresh(String refreshToken, String clientId) {
        RotationResult result = sessions.rotate(refreshToken, clientId);
        if (result instanceof RotationResult.Rotated rotated) {
            return issue(rotated);
        }
        if (result instanceof RotationResult.Reused reused) {
            events.reuseDetected();
            termination.end(reused.rid());
            LOG.warning(() -> "ROTOR-T201 refresh token reuse detected; session " + reused.rid() + " ended");
            return new GrantResult.Refused(Refusal.REFRESH_TOKEN_REUSED);
        }
        return new GrantResult.Refused(Refusal.INVALID_REFRESH_TOKEN);
    }

    /** Built-in users get their groups as they are now; a disabled user's session ends here. */
    private GrantResult issue(RotationResult.Rotated rotated) {
        Optional<User> user = Usernames.isValid(rotated.subject()) ? users.find(rotated.subject()) : Optional.empty();
        if (user.isPresent() && user.get().disabled()) {
            termination.end(rotated.rid());
            return new GrantResult.Refused(Refusal.INVALID_REFRESH_TOKEN);
        }
        Set<String> groups = user.map(User::groups).orElse(rotated.groups());
        TokenPair pair = new TokenPair(tokens.issue(rotated.subject(), groups, rotated.rid(), rotated.clientId(),
                rotated.scopes()), rotated.newRefreshToken(), null, rotated.scopes());
        events.refreshed();
        return new GrantResult.Granted(pair);
    }
}
