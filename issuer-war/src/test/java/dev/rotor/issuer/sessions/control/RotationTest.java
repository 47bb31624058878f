package dev.rotor.issuer.sessions.control;

import java.util.Set;
import dev.rotor.issuer.sessions.entity.IssuedSession;
import dev.rotor.issuer.sessions.entity.RotationResult;
import dev.rotor.issuer.sessions.entity.RotationResult.Invalid;
import dev.rotor.issuer.sessions.entity.RotationResult.Reused;
import dev.rotor.issuer.sessions.entity.RotationResult.Rotated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RotationTest {

    @RegisterExtension
    static final SessionTestBed bed = new SessionTestBed();

    private Rotated rotated(String token) {
        return assertInstanceOf(Rotated.class, bed.sessions().rotate(token));
    }

    private String stateOf(String token) {
        return bed.client().hget(SessionKeys.under(SessionTestBed.PREFIX).refresh(OpaqueTokens.hash(token)), "state");
    }

    @Test
    void createdSessionExpiresAfterTheIdleLifetime() {
        IssuedSession issued = bed.sessions().create("alice", "web", Set.of("user"));

        assertEquals(bed.clock().instant().plus(SessionTestBed.LIFETIMES.idle()), issued.expiresAt());
        assertEquals("current", stateOf(issued.refreshToken()));
        assertFalse(issued.toString().contains(issued.refreshToken()));
    }

    @Test
    void holderOfACurrentTokenIsReadWithoutRotatingIt() {
        IssuedSession issued = bed.sessions().create("dora", "web", Set.of("user"));
        assertEquals("dora", bed.sessions().holderOf(issued.refreshToken()).orElseThrow().subject());
        assertEquals("current", stateOf(issued.refreshToken()), "reading did not rotate");
        Rotated next = rotated(issued.refreshToken());
        assertTrue(bed.sessions().holderOf(issued.refreshToken()).isEmpty(), "a used token names no session");
        assertEquals(issued.rid(), bed.sessions().holderOf(next.newRefreshToken()).orElseThrow().rid());
        assertTrue(bed.sessions().holderOf("*").isEmpty());
    }

    @Test
    void groupsGivenAtLoginComeBackOnEveryRotation() {
        IssuedSession issued = bed.sessions().create("carol", "web", Set.of("user", "cn=Finance, ou=Groups"));
        Rotated first = rotated(issued.refreshToken());
        Rotated second = rotated(first.newRefreshToken());
        assertEquals(Set.of("user", "cn=Finance, ou=Groups"), first.groups());
        assertEquals(first.groups(), second.groups());
    }

    @Test
    void rotationIssuesANewTokenThatWorksAndMarksTheOldOneUsed() {
        IssuedSession issued = bed.sessions().create("alice", "web", Set.of("user"));
        bed.clock().advance(Duration.ofMinutes(5));

        Rotated first = rotated(issued.refreshToken());

        assertEquals(issued.rid(), first.rid());
        assertEquals("alice", first.subject());
        assertEquals("web", first.clientId());
        assertNotEquals(issued.refreshToken(), first.newRefreshToken());
        assertEquals(bed.clock().instant().plus(SessionTestBed.LIFETIMES.idle()), first.expiresAt());
        assertEquals("used", stateOf(issued.refreshToken()));
        assertEquals("current", stateOf(first.newRefreshToken()));
        assertFalse(first.toString().contains(first.newRefreshToken()));

        Rotated second = rotated(first.newRefreshToken());
        assertEquals(issued.rid(), second.rid());
        assertEquals(bed.clock().instant(), bed.sessions().find(issued.rid()).orElseThrow().lastUsedAt());
    }

    @Test
    void replayOfARotatedTokenCompromisesTheWholeFamilyUntilItIsDeleted() {
        IssuedSession issued = bed.sessions().create("alice", "", Set.of("user"));
        Rotated rotated = rotated(issued.refreshToken());

        RotationResult replay = bed.sessions().rotate(issued.refreshToken());

        assertEquals(new Reused(issued.rid(), "alice"), replay);
        assertEquals(new Reused(issued.rid(), "alice"), bed.sessions().rotate(rotated.newRefreshToken()),
                "the current token of a compromised session reports the reuse too, so ending it is retried");
        bed.sessions().delete(issued.rid());
        assertInstanceOf(Invalid.class, bed.sessions().rotate(rotated.newRefreshToken()));
        assertTrue(bed.sessions().find(issued.rid()).isEmpty());
        assertEquals(0, bed.sessions().list("alice", 0, 10).total());
        assertInstanceOf(Invalid.class, bed.sessions().rotate(issued.refreshToken()), "a replay after the end finds nothing");
    }

    @Test
    void reuseRevokesOnlyTheFamilyOfTheReplayedToken() {
        IssuedSession stolen = bed.sessions().create("alice", "", Set.of("user"));
        IssuedSession other = bed.sessions().create("alice", "", Set.of("user"));
        rotated(stolen.refreshToken());

        assertInstanceOf(Reused.class, bed.sessions().rotate(stolen.refreshToken()));

        assertTrue(bed.sessions().find(other.rid()).isPresent());
        rotated(other.refreshToken());
    }

    @Test
    void unknownTokenIsInvalidAndChangesNothing() {
        IssuedSession issued = bed.sessions().create("alice", "", Set.of("user"));

        assertEquals(RotationResult.INVALID, bed.sessions().rotate(new OpaqueTokens().newRefreshToken()));

        rotated(issued.refreshToken());
    }
}
