package dev.rotor.issuer.sessions.entity;

import java.util.List;

/**
 * One page of a subject's live sessions, newest first.
 *
 * @param offset the position of the first session of this page among all of them
 * @param limit  the page size that was applied (after capping)
 * @param total  how many live sessions the subject has in all
 */
public record SessionPage(List<SessionInfo> sessions, int offset, int limit, long total) {

    public SessionPage {
        sessions = List.copyOf(sessions);
    }

    public static SessionPage empty(int offset, int limit) {
        return new SessionPage(List.of(), offset, limit, 0);
    }
}
