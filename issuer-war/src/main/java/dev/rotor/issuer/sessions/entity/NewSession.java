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
 */
public record NewSession(String rid, String subject, String clientId, Set<String> groups, String sid,
                         boolean bound) {

    public NewSession {
        groups = Set.copyOf(groups);
    }
}
