package dev.rotor.issuer.sessions.control;

import dev.rotor.issuer.sessions.entity.SessionInfo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the flat replies of {@link SessionScripts}: runs of rid, subject, clientId, createdAt, lastUsedAt. */
final class SessionReplies {

    static final int FIELDS_PER_SESSION = 5;

    private final SessionLifetimes lifetimes;

    SessionReplies(SessionLifetimes lifetimes) {
        this.lifetimes = lifetimes;
    }

    /** The sessions in {@code reply} from index {@code from} on. */
    List<SessionInfo> sessions(List<String> reply, int from) {
        List<SessionInfo> sessions = new ArrayList<>();
        for (int i = from; i + FIELDS_PER_SESSION <= reply.size(); i += FIELDS_PER_SESSION) {
            sessions.add(session(reply.subList(i, i + FIELDS_PER_SESSION)));
        }
        return sessions;
    }

    SessionInfo session(List<String> fields) {
        return info(fields.get(0), fields.get(1), fields.get(2), fields.get(3), fields.get(4));
    }

    SessionInfo info(String rid, String subject, String clientId, String createdAt, String lastUsedAt) {
        Instant created = Instant.ofEpochMilli(Long.parseLong(createdAt));
        Instant lastUsed = Instant.ofEpochMilli(Long.parseLong(lastUsedAt));
        return new SessionInfo(rid, subject, clientId, created, lastUsed,
                lifetimes.idleExpiry(lastUsed), lifetimes.absoluteExpiry(created));
    }
}
