package dev.rotor.filter.revocation;

import dev.rotor.filter.protocol.RevocationEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory blacklist: revoked sessions and tokens, each with its expiry, and per-subject not-before times.
 * Lookups are hash lookups and never touch the network. Entries only grow stricter when merged: the later expiry
 * and the later not-before win, so events and snapshots may arrive in any order and more than once.
 */
final class RevocationStore {

    private record SubjectCutoff(Instant notBefore, Instant expiresAt) {

        SubjectCutoff stricter(SubjectCutoff other) {
            return new SubjectCutoff(latest(notBefore, other.notBefore), latest(expiresAt, other.expiresAt));
        }
    }

    private final Map<String, Instant> sessions = new ConcurrentHashMap<>();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<String, SubjectCutoff> subjects = new ConcurrentHashMap<>();
    private final Clock clock;

    RevocationStore(Clock clock) {
        this.clock = clock;
    }

    void apply(RevocationEvent event) {
        switch (event.type()) {
            case RID -> sessions.merge(event.value(), event.expiresAt(), RevocationStore::latest);
            case JTI -> tokens.merge(event.value(), event.expiresAt(), RevocationStore::latest);
            case SUB -> subjects.merge(event.value(), new SubjectCutoff(event.notBefore(), event.expiresAt()),
                    SubjectCutoff::stricter);
        }
    }

    /**
     * A token without {@code iat} counts as issued before any subject-wide revocation: unknown means revoked.
     * Null claims are simply not looked up.
     */
    boolean isRevoked(String rid, String jti, String subject, Instant issuedAt) {
        Instant now = clock.instant();
        return isLive(sessions, rid, now) || isLive(tokens, jti, now) || isCutOff(subject, issuedAt, now);
    }

    /** Forgets every entry whose expiry has passed. */
    void evictExpired() {
        Instant now = clock.instant();
        sessions.values().removeIf(expiresAt -> !expiresAt.isAfter(now));
        tokens.values().removeIf(expiresAt -> !expiresAt.isAfter(now));
        subjects.values().removeIf(cutoff -> !cutoff.expiresAt().isAfter(now));
    }

    /** Every entry that has not expired, as the event that would recreate it. */
    List<RevocationEvent> live() {
        Instant now = clock.instant();
        List<RevocationEvent> live = new ArrayList<>(size());
        sessions.forEach((rid, expiresAt) -> {
            if (expiresAt.isAfter(now)) {
                live.add(RevocationEvent.rid(rid, expiresAt));
            }
        });
        tokens.forEach((jti, expiresAt) -> {
            if (expiresAt.isAfter(now)) {
                live.add(RevocationEvent.jti(jti, expiresAt));
            }
        });
        subjects.forEach((subject, cutoff) -> {
            if (cutoff.expiresAt().isAfter(now)) {
                live.add(RevocationEvent.subject(subject, cutoff.notBefore(), cutoff.expiresAt()));
            }
        });
        return live;
    }

    int size() {
        return sessions.size() + tokens.size() + subjects.size();
    }

    private static boolean isLive(Map<String, Instant> entries, String key, Instant now) {
        if (key == null) {
            return false;
        }
        Instant expiresAt = entries.get(key);
        if (expiresAt == null) {
            return false;
        }
        if (expiresAt.isAfter(now)) {
            return true;
        }
        entries.remove(key, expiresAt);
        return false;
    }

    private boolean isCutOff(String subject, Instant issuedAt, Instant now) {
        if (subject == null) {
            return false;
        }
        SubjectCutoff cutoff = subjects.get(subject);
        if (cutoff == null) {
            return false;
        }
        if (!cutoff.expiresAt().isAfter(now)) {
            subjects.remove(subject, cutoff);
            return false;
        }
        return issuedAt == null || issuedAt.isBefore(cutoff.notBefore());
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
