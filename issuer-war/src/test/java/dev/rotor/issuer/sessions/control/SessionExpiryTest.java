package dev.rotor.issuer.sessions.control;

import java.util.Set;
import dev.rotor.issuer.sessions.entity.IssuedSession;
import dev.rotor.issuer.sessions.entity.RotationResult;
import dev.rotor.issuer.sessions.entity.RotationResult.Rotated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
    static final SessionTestBed bed = new SessionTestBed();

    @Test
    void sessionUnusedForTheIdleLifetimeIsInvalidAndGone() {
        IssuedSession issued = bed.sessions().create("alice", "", Set.of("user"));
        bed.clock().advance(IDLE);

        assertEquals(RotationResult.INVALID, bed.sessions().rotate(issued.refreshToken()));
        assertTrue(bed.sessions().find(issued.rid()).isEmpty());
        assertEquals(0, bed.sessions().list("alice", 0, 10).total());
        assertFalse(bed.client().exists(SessionKeys.under(SessionTestBed.PREFIX).session(issued.rid())),
                "the expired session is cleaned up");
    }

    @Test
    void sessionJustBeforeItsIdleExpiryStillRotates() {
        IssuedSession issued = bed.sessions().create("alice", "", Set.of("user"));
        bed.clock().advance(IDLE.minusMillis(1));

        assertInstanceOf(Rotated.class, bed.sessions().rotate(issued.refreshToken()));
    }

    @Test
    void everyRotationRenewsTheIdleLifetime() {
        String token = bed.sessions().create("alice", "", Set.of("user")).refreshToken();
        for (int i = 0; i < 2; i++) {
            bed.clock().advance(IDLE.minusMinutes(1));
            token = assertInstanceOf(Rotated.class, bed.sessions().rotate(token)).newRefreshToken();
        }
    }

    @Test
    void sessionEndsAtItsAbsoluteExpiryHoweverOftenItIsUsed() {
        Instant absoluteExpiry = bed.clock().instant().plus(ABSOLUTE);
        IssuedSession issued = bed.sessions().create("alice", "", Set.of("user"));
        String token = issued.refreshToken();
        Duration step = IDLE.dividedBy(2);
        while (bed.clock().instant().plus(step).isBefore(absoluteExpiry)) {
            bed.clock().advance(step);
            token = assertInstanceOf(Rotated.class, bed.sessions().rotate(token)).newRefreshToken();
        }
        Rotated last = assertInstanceOf(Rotated.class, bed.sessions().rotate(token));
        assertEquals(absoluteExpiry, last.expiresAt(), "near the end, the absolute expiry comes before the idle one");

        bed.clock().set(last.expiresAt());

        assertEquals(RotationResult.INVALID, bed.sessions().rotate(last.newRefreshToken()));
        assertTrue(bed.sessions().find(issued.rid()).isEmpty());
    }

    @Test
    void usedTokenOfAnExpiredSessionIsInvalidNotReuse() {
        IssuedSession issued = bed.sessions().create("alice", "", Set.of("user"));
        bed.sessions().rotate(issued.refreshToken());
        bed.clock().advance(IDLE);

        assertEquals(RotationResult.INVALID, bed.sessions().rotate(issued.refreshToken()));
    }

    @Test
    void expiredSessionIsNotReportedAsRevoked() {
        IssuedSession issued = bed.sessions().create("alice", "", Set.of("user"));
        bed.clock().advance(IDLE);

        assertTrue(bed.sessions().delete(issued.rid()).isEmpty());
        assertTrue(bed.sessions().deleteAllOf("alice").isEmpty());
    }
}
