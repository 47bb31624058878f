package dev.rotor.issuer.revocation.control;

import dev.rotor.issuer.sessions.control.RefreshSessions;
import dev.rotor.issuer.sessions.entity.SessionInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Ends sessions: every logout, revocation, reuse detection, admin action and account change goes through here, in
 * one order. First the blacklist, so every verifier rejects the session's access tokens; then the session itself is
 * deleted, so it can no longer refresh.
 * <p>
 * That order is the safe one because each step can fail on its own (Redis goes away in between). If the blacklist
 * fails, nothing changed and the caller reports 503; a retry repeats both steps. If the delete fails after the
 * blacklist, the caller reports 503 too, and the session is still there for a retry to find. The other order would
 * leave a deleted session whose access tokens stay valid for up to one token lifetime, and a retry would find no
 * session left to blacklist: a logout reported as failed, and forgotten.
 * <p>
 * An issuer browser session ({@code sid}) ends with every app session that signing in there created (single
 * logout): all of them are blacklisted before any is deleted, and the browser session is deleted last, so a retry
 * after a partial failure still finds the links.
 */
@ApplicationScoped
public class SessionTermination {

    private final RefreshSessions sessions;
    private final Blacklist blacklist;

    @Inject
    public SessionTermination(RefreshSessions sessions, Blacklist blacklist) {
        this.sessions = sessions;
        this.blacklist = blacklist;
    }

    protected SessionTermination() {
        this(null, null);
    }

    /**
     * Ends the session {@code rid}. Nothing is written for an id that names no stored session.
     *
     * @return the session, if it was still live
     * @throws dev.rotor.issuer.availability.RedisUnavailableException if either step could not be recorded
     */
    public Optional<SessionInfo> end(String rid) {
        if (!sessions.exists(rid)) {
            return Optional.empty();
        }
        Set<String> linked = sessions.linkedTo(rid);
        blacklist.revokeSession(rid);
        linked.forEach(blacklist::revokeSession);
        linked.forEach(sessions::delete);
        return sessions.delete(rid);
    }

    /** Ends the session a current or used refresh token belongs to; an unknown token changes nothing. */
    public Optional<SessionInfo> endByRefreshToken(String refreshToken) {
        return sessions.ridOf(refreshToken).flatMap(this::end);
    }

    /**
     * Ends every session of {@code subject} and rejects every access token it was issued until now, on every
     * verifier, including those of a session opened while this runs.
     *
     * @return the live sessions that were ended
     */
    public List<SessionInfo> endAllOf(String subject) {
        blacklist.revokeSubject(subject);
        return sessions.deleteAllOf(subject);
    }
}
