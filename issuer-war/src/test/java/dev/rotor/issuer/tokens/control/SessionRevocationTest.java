package dev.rotor.issuer.tokens.control;

import dev.rotor.issuer.tokens.entity.IssuedSession;
import dev.rotor.issuer.tokens.entity.RotationResult;
import dev.rotor.issuer.tokens.entity.RotationResult.Rotated;
import dev.rotor.issuer.tokens.entity.SessionInfo;
import dev.rotor.testsupport.MutableClock;
import dev.rotor.testsupport.RedisFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.UnifiedJedis;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionRevocationTest {

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

    @Test
    void logoutRevokesTheSessionOfTheRefreshToken() {
        IssuedSession issued = sessions.create("alice", "web", Set.of("user"));

        SessionInfo revoked = sessions.revokeByRefreshToken(issued.refreshToken()).orElseThrow();

        assertEquals(issued.rid(), revoked.rid());
        assertEquals("alice", revoked.subject());
        assertEquals("web", revoked.clientId());
        assertEquals(RotationResult.INVALID, sessions.rotate(issued.refreshToken()));
        assertTrue(sessions.find(issued.rid()).isEmpty());
        assertTrue(sessions.revokeByRefreshToken(issued.refreshToken()).isEmpty(), "a second logout finds nothing");
    }

    @Test
    void logoutWithAnAlreadyUsedTokenRevokesTheFamily() {
        IssuedSession issued = sessions.create("alice", "", Set.of("user"));
        Rotated rotated = assertInstanceOf(Rotated.class, sessions.rotate(issued.refreshToken()));

        assertEquals(issued.rid(), sessions.revokeByRefreshToken(issued.refreshToken()).orElseThrow().rid());

        assertEquals(RotationResult.INVALID, sessions.rotate(rotated.newRefreshToken()));
    }

    @Test
    void logoutWithAnUnknownTokenReportsNothing() {
        sessions.create("alice", "", Set.of("user"));

        assertTrue(sessions.revokeByRefreshToken(new OpaqueTokens().newRefreshToken()).isEmpty());
        assertEquals(1, sessions.list("alice", 0, 10).total());
    }

    @Test
    void revokeByRidEndsThatSessionOnly() {
        IssuedSession target = sessions.create("alice", "", Set.of("user"));
        IssuedSession other = sessions.create("alice", "", Set.of("user"));

        assertEquals(target.rid(), sessions.revoke(target.rid()).orElseThrow().rid());

        assertEquals(RotationResult.INVALID, sessions.rotate(target.refreshToken()));
        assertTrue(sessions.revoke(target.rid()).isEmpty());
        assertInstanceOf(Rotated.class, sessions.rotate(other.refreshToken()));
        assertEquals(List.of(other.rid()), sessions.list("alice", 0, 10).sessions().stream()
                .map(SessionInfo::rid).toList());
    }

    @Test
    void revokeAllOfEndsEverySessionOfThatSubjectOnly() {
        Set<String> alices = Set.of(sessions.create("alice", "a", Set.of("user")).rid(), sessions.create("alice", "b", Set.of("user")).rid(),
                sessions.create("alice", "", Set.of("user")).rid());
        IssuedSession bobs = sessions.create("bob", "", Set.of("user"));

        List<SessionInfo> revoked = sessions.revokeAllOf("alice");

        assertEquals(alices, revoked.stream().map(SessionInfo::rid).collect(Collectors.toSet()));
        alices.forEach(rid -> assertTrue(sessions.find(rid).isEmpty()));
        assertEquals(0, sessions.list("alice", 0, 10).total());
        assertInstanceOf(Rotated.class, sessions.rotate(bobs.refreshToken()));
        assertTrue(sessions.revokeAllOf("alice").isEmpty());
    }

    @Test
    void revokeAllOfReachesRotatedSessions() {
        IssuedSession issued = sessions.create("alice", "", Set.of("user"));
        Rotated rotated = assertInstanceOf(Rotated.class, sessions.rotate(issued.refreshToken()));

        assertEquals(1, sessions.revokeAllOf("alice").size());

        assertEquals(RotationResult.INVALID, sessions.rotate(rotated.newRefreshToken()));
    }

    @Test
    void aSessionCreatedAfterRevokeAllOfIsLive() {
        sessions.create("alice", "", Set.of("user"));
        sessions.revokeAllOf("alice");

        IssuedSession fresh = sessions.create("alice", "", Set.of("user"));

        assertInstanceOf(Rotated.class, sessions.rotate(fresh.refreshToken()));
        assertEquals(1, sessions.list("alice", 0, 10).total());
    }
}
