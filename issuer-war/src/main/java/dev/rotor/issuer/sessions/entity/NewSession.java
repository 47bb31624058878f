package dev.rotor.issuer.sessions.entity;

import java.util.Set;

/**
 * A session to start.
 *
 * @param rid      its id, made beforehand with {@code RefreshSessions.newRid()}
 * @param subject  who it belongs to
 * @param clientId the client it is issued to; empty or {@code null} for none
 * @param groups   the caller's groups at login
 * @param sid      the issuer browser session it is linked to (single logout ends it with that one), or {@code null}
 * @param bound    whether only {@code clientId}, authenticated, may refresh it
 * @param scopes   the scopes granted, which every refreshed access token carries again
 */
public record NewSession(String rid, String subject, String clientId, Set<String> groups, String sid,
                         boolean bound, Set<String> scopes) {

    public NewSession {
        groups = Set.copyOf(groups);
        scopes = Set.copyOf(scopes);
    }

    /** A session without granted scopes, as the password grant and the login form open. */
    public NewSession(String rid, String subject, String clientId, Set<String> groups, String sid, boolean bound) {
        this(rid, subject, clientId, groups, sid, bound, Set.of());
    }
}
