package dev.rotor.issuer.tokens.control;

import java.util.Set;
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

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionExpiryTest {

    private static final Duration IDLE = SessionTestBed.LIFETIMES.idle();
    private static final Duration ABSOLUTE = SessionTestBed.LIFETIMES.absolute();

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
    void sessionUnusedForTheIdleLifetimeIsInvalidAndGone() {
        IssuedSession issued = sessions.create("alice", "", Set.of("user"));
        clock.advance(IDLE);

        assertEquals(RotationResult.INVALID, sessions.rotate(issued.refreshToken()));
        assertTrue(sessions.find(issued.rid()).isEmpty());
        assertEquals(0, sessions.list("alice", 0, 10).total());
        assertFalse(client.exists(SessionKeys.under(SessionTestBed.PREFIX).session(issued.rid())),
                "the expired session is cleaned up");
    }

    @Test
    void sessionJustBeforeItsIdleExpiryStillRotates() {
        IssuedSession issued = sessions.create("alice", "", Set.of("user"));
        clock.advance(IDLE.minusMillis(1));

        assertInstanceOf(Rotated.class, sessions.rotate(issued.refreshToken()));
    }

    @Test
    void everyRotationRenewsTheIdleLifetime() {
        String token = sessions.create("alice", "", Set.of("user")).refreshToken();
        for (int i = 0; i < 2; i++) {
            clock.advance(IDLE.minusMinutes(1));
            token = assertInstanceOf(Rotated.class, sessions.rotate(token)).newRefreshToken();
        }
    }

    @Test
    void sessionEndsAtItsAbsoluteExpiryHoweverOftenItIsUsed() {
        Instant absoluteExpiry = clock.instant().plus(ABSOLUTE);
        IssuedSession issued = sessions.create("alice", "", Set.of("user"));
        String token = issued.refreshToken();
        Duration step = IDLE.dividedBy(2);
        while (clock.instant().plus(step).isBefore(absoluteExpiry)) {
            clock.advance(step);
            token = assertInstanceOf(Rotated.class, sessions.rotate(token)).newRefreshToken();
        }
        Rotated last = assertInstanceOf(Rotated.class, sessions.rotate(token));
        assertEquals(absoluteExpiry, last.expiresAt(), "near the end, the absolute expiry comes before the idle one");

        clock.set(last.expiresAt());

        assertEquals(RotationResult.INVALID, sessions.rotate(last.newRefreshToken()));
        assertTrue(sessions.find(issued.rid()).isEmpty());
    }

    @Test
    void usedTokenOfAnExpiredSessionIsInvalidNotReuse() {
        IssuedSession issued = sessions.create("alice", "", Set.of("user"));
        sessions.rotate(issued.refreshToken());
        clock.advance(IDLE);

        assertEquals(RotationResult.INVALID, sessions.rotate(issued.refreshToken()));
    }

    @Test
    void expiredSessionIsNotReportedAsRevoked() {
        IssuedSession issued = sessions.create("alice", "", Set.of("user"));
        clock.advance(IDLE);

        assertTrue(sessions.revoke(issued.rid()).isEmpty());
        assertTrue(sessions.revokeAllOf("alice").isEmpty());
    }
}
