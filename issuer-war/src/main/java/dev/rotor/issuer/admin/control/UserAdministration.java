package dev.rotor.issuer.admin.control;

import dev.rotor.issuer.revocation.control.SessionTermination;
import dev.rotor.issuer.sessions.entity.SessionInfo;
import dev.rotor.issuer.users.control.UserStore;
import dev.rotor.issuer.users.entity.Profiles;
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
    private final SessionTermination termination;

    @Inject
    public UserAdministration(UserStore users, SessionTermination termination) {
        this.users = users;
        this.termination = termination;
    }

    protected UserAdministration() {
        this(null, null);
    }

    /** @return {@code false} if the user exists already */
    public boolean create(String username, char[] password, Set<String> groups) {
        return create(username, password, groups, null, null);
    }

    /** @param name the optional display name; @param email the optional email, each {@code null} for none */
    public boolean create(String username, char[] password, Set<String> groups, String name, String email) {
        Profiles.require(name, email);
        boolean created = users.create(username, password, groups);
        if (created) {
            if (name != null || email != null) {
                users.setProfile(username, name, email);
            }
            LOG.info(() -> "ROTOR-U201 user created: " + username);
        }
        return created;
    }

    public void setProfile(String username, String name, String email) {
        users.setProfile(username, name, email);
        LOG.info(() -> "ROTOR-U205 profile changed: " + username);
    }

    public void changePassword(String username, char[] password) {
        users.changePassword(username, password);
        termination.endAllOf(username);
        LOG.info(() -> "ROTOR-U202 password changed, sessions revoked: " + username);
    }

    public void setDisabled(String username, boolean disabled) {
        users.setDisabled(username, disabled);
        if (disabled) {
            termination.endAllOf(username);
        }
        LOG.info(() -> "ROTOR-U203 user " + (disabled ? "disabled, sessions revoked: " : "enabled: ") + username);
    }

    public void setGroups(String username, Set<String> groups) {
        users.setGroups(username, groups);
        LOG.info(() -> "ROTOR-U204 groups changed: " + username);
    }

    /** Ends every session of {@code username}; every access token it holds is rejected. */
    public List<SessionInfo> revokeSessions(String username) {
        return termination.endAllOf(username);
    }

    /** Ends one session; its access tokens are rejected. */
    public Optional<SessionInfo> revokeSession(String rid) {
        return termination.end(rid);
    }
}
