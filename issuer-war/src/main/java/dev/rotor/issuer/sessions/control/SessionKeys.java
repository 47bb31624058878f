package dev.rotor.issuer.sessions.control;

/**
 * Redis key names. All share the hash tag {@code {sessions}}, so the scripts that touch a session, its refresh
 * records and its subject's index run on one Cluster slot.
 */
record SessionKeys(String base) {

    static SessionKeys under(String prefix) {
        return new SessionKeys(prefix + "{sessions}:");
    }

    String session(String rid) {
        return base + "session:" + rid;
    }

    String refresh(String tokenHash) {
        return base + "refresh:" + tokenHash;
    }

    /** The rids of the app sessions created from the issuer browser session {@code sid}. */
    String linked(String sid) {
        return base + "linked:" + sid;
    }

    String userSessions(String subject) {
        return base + "user-sessions:" + subject;
    }
}
