package dev.rotor.issuer.tokens.control;

import dev.rotor.issuer.tokens.entity.IssuedSession;
import dev.rotor.issuer.tokens.entity.RotationResult;
import dev.rotor.issuer.tokens.entity.RotationResult.Rotated;
import dev.rotor.testsupport.MutableClock;
import dev.rotor.testsupport.RedisFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.UnifiedJedis;

import java.util.Set;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile tokens, ids and subjects are answered as unknown: no exception and never a mass revocation. */
class HostileInputTest {

    @RegisterExtension
    static final RedisFixture redis = RedisFixture.start();

    private final MutableClock clock = SessionTestBed.clock();
    private UnifiedJedis client;
    private RefreshSessions sessions;

    @BeforeEach
    void connect() {
        client = SessionTestBed.emptyRedis(redis);
        sessions = new RefreshSessions(client, SessionTestBed.PREFIX, SessionTestBed.LIFETIMES, clock);
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    private static List<String> hostile() {
        List<String> values = new ArrayList<>(Arrays.asList(null, "", " ", "*", "?", "[a-z]*", "../", "../../etc",
                "rotor:*", "a\r\nDEL *", "\u0000", "%2A", "A".repeat(513), "A".repeat(10_240), "é".repeat(10_240)));
        values.add("*".repeat(22));
        return values;
    }

    @Test
    void hostileRefreshTokensAreInvalidAndRevokeNothing() {
        IssuedSession alice = sessions.create("alice", "", Set.of("user"));

        for (String token : hostile()) {
            assertEquals(RotationResult.INVALID, sessions.rotate(token), String.valueOf(token));
            assertTrue(sessions.revokeByRefreshToken(token).isEmpty());
        }

        assertInstanceOf(Rotated.class, sessions.rotate(alice.refreshToken()));
    }

    @Test
    void hostileRidsAndSubjectsFindAndRevokeNothing() {
        sessions.create("alice", "", Set.of("user"));
        sessions.create("bob", "", Set.of("user"));

        for (String value : hostile()) {
            assertTrue(sessions.find(value).isEmpty());
            assertTrue(sessions.revoke(value).isEmpty());
            assertTrue(sessions.revokeAllOf(value).isEmpty());
            assertEquals(0, sessions.list(value, 0, 100).total());
        }

        assertEquals(1, sessions.list("alice", 0, 10).total());
        assertEquals(1, sessions.list("bob", 0, 10).total());
    }

    @Test
    void malformedInputNeverReachesRedis() {
        redis.stop();

        for (String value : hostile()) {
            assertEquals(RotationResult.INVALID, sessions.rotate(value));
            assertTrue(sessions.revokeByRefreshToken(value).isEmpty());
            assertTrue(sessions.revoke(value).isEmpty());
            assertTrue(sessions.find(value).isEmpty());
        }
    }

    @Test
    void aSubjectNamedLikeAGlobIsJustAName() {
        IssuedSession star = sessions.create("*", "", Set.of("user"));
        sessions.create("alice", "", Set.of("user"));

        assertEquals(List.of(star.rid()), sessions.revokeAllOf("*").stream().map(info -> info.rid()).toList());

        assertEquals(1, sessions.list("alice", 0, 10).total());
    }

    @Test
    void sessionsCannotBeCreatedForMalformedSubjectsOrClients() {
        for (String subject : List.of("", " ", "a\r\nb", "A".repeat(10_240))) {
            assertThrows(IllegalArgumentException.class, () -> sessions.create(subject, "", Set.of("user")));
        }
        assertThrows(IllegalArgumentException.class, () -> sessions.create(null, "", Set.of("user")));
        assertThrows(IllegalArgumentException.class, () -> sessions.create("alice", "web\r\nx", Set.of("user")));
        assertEquals(0, SessionTestBed.keys(client).size());
    }
}
