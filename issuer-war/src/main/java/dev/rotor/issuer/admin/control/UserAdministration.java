package dev.rotor.issuer.admin.control;

import dev.rotor.issuer.revocation.control.Blacklist;
import dev.rotor.issuer.tokens.control.RefreshSessions;
import dev.rotor.issuer.tokens.entity.SessionInfo;
import dev.rotor.issuer.users.control.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Changes to users that must also end their sessions: a new password or a disabled account revokes every session
 * and every access token the user holds, on every verifier.
 */
@ApplicationScoped
public class UserAdministration {

    private static final Logger LOG = Logger.getLogger(UserAdministration.class.getName());

    private final UserStore users;
    private final RefreshSessions sessions;
    private final Blacklist blacklist;

    @Inject
    public UserAdministration(UserStore users, RefreshSessions sessions, Blacklist blacklist) {
        this.users = users;
        this.sessions = sessions;
        this.blacklist = blacklist;
    }

    protected UserAdministration() {
        this(null, null, null);
    }

    /** @return {@code false} if the user exists already */
    public boolean create(String username, char[] password, Set<String> groups) {
        boolean created = users.create(username, password, groups);
        if (created) {
            LOG.info(() -> "ROTOR-U201 user created: " + username);
        }
        return created;
    }

    public void changePassword(String username, char[] password) {
        users.changePassword(username, password);
        revokeEverything(username);
        LOG.info(() -> "ROTOR-U202 password changed, sessions revoked: " + username);
    }

    public void setDisabled(String username, boolean disabled) {
        users.setDisabled(username, disabled);
        if (disabled) {
            revokeEverything(username);
        }
        LOG.info(() -> "ROTOR-U203 user " + (disabled ? "disabled, sessions revoked: " : "enabled: ") + username);
    }

    public void setGroups(String username, Set<String> groups) {
        users.setGroups(username, groups);
        LOG.info(() -> "ROTOR-U204 groups changed: " + username);
    }

    /** Ends every session of {@code username}; their access tokens are blacklisted. */
    public List<SessionInfo> revokeSessions(String username) {
        List<SessionInfo> revoked = sessions.revokeAllOf(username);
        revoked.forEach(session -> blacklist.revokeSession(session.rid()));
        return revoked;
    }

    /** Ends one session; its access tokens are blacklisted. */
    public Optional<SessionInfo> revokeSession(String rid) {
        Optional<SessionInfo> revoked = sessions.revoke(rid);
        revoked.ifPresent(session -> blacklist.revokeSession(session.rid()));
        return revoked;
    }

    private void revokeEverything(String username) {
        blacklist.revokeSubject(username);
        sessions.revokeAllOf(username);
    }
}
