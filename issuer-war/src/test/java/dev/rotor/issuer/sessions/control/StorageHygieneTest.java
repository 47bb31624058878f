package dev.rotor.issuer.sessions.control;

import dev.rotor.issuer.sessions.entity.IssuedSession;
import dev.rotor.issuer.sessions.entity.RotationResult.Rotated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Redis never holds a raw refresh token, and every entry has a TTL (SECURITY.md, "Storage"). */
class StorageHygieneTest {

    @RegisterExtension
    static final SessionTestBed bed = new SessionTestBed();

    /** Exercises every write path and returns every refresh token handed out on the way. */
    private List<String> everyKindOfEntry() {
        List<String> tokens = new ArrayList<>();
        for (String subject : List.of("alice", "bob", "carol")) {
            IssuedSession issued = bed.sessions().create(subject, "web", Set.of("user"));
            tokens.add(issued.refreshToken());
            String token = issued.refreshToken();
            for (int i = 0; i < 3; i++) {
                bed.clock().advance(Duration.ofMinutes(1));
                token = assertInstanceOf(Rotated.class, bed.sessions().rotate(token)).newRefreshToken();
                tokens.add(token);
            }
        }
        IssuedSession replayed = bed.sessions().create("alice", "", Set.of("user"));
        tokens.add(replayed.refreshToken());
        tokens.add(assertInstanceOf(Rotated.class, bed.sessions().rotate(replayed.refreshToken())).newRefreshToken());
        bed.sessions().rotate(replayed.refreshToken());
        IssuedSession loggedOut = bed.sessions().create("bob", "", Set.of("user"));
        tokens.add(loggedOut.refreshToken());
        bed.deleteByRefreshToken(loggedOut.refreshToken());
        bed.sessions().list("carol", 0, 10);
        return tokens;
    }

    @Test
    void noRawRefreshTokenIsStoredAnywhere() {
        List<String> tokens = everyKindOfEntry();

        List<String> keys = SessionTestBed.keys(bed.client());
        assertFalse(keys.isEmpty());
        for (String key : keys) {
            String dump = SessionTestBed.dump(bed.client(), key);
            for (String token : tokens) {
                assertFalse(dump.contains(token), "a raw refresh token is stored under " + key);
            }
        }
    }

    @Test
    void theCurrentTokenIsStoredAsItsHash() {
        List<String> tokens = everyKindOfEntry();

        String current = tokens.get(3);
        assertTrue(bed.client().exists(SessionKeys.under(SessionTestBed.PREFIX).refresh(OpaqueTokens.hash(current))));
    }

    @Test
    void everyEntryHasATtl() {
        everyKindOfEntry();

        for (String key : SessionTestBed.keys(bed.client())) {
            long ttl = bed.client().pttl(key);
            assertTrue(ttl > 0, key + " has PTTL " + ttl);
            assertTrue(ttl <= SessionTestBed.LIFETIMES.absolute().toMillis(), key + " outlives any session");
        }
    }
}
