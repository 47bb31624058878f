package dev.rotor.issuer.revocation.control;

import dev.rotor.issuer.sessions.entity.IssuedSession;
import dev.rotor.issuer.sessions.entity.RotationResult;
import dev.rotor.issuer.sessions.entity.SessionInfo;
import dev.rotor.issuer.testbed.IssuerTestBed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.exceptions.JedisDataException;

import java.util.List;
import java.util.Set;

import static dev.rotor.filter.protocol.RevocationEvent.Type.RID;
import static dev.rotor.filter.protocol.RevocationEvent.Type.SUB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionTerminationTest {

    @RegisterExtension
    static final IssuerTestBed bed = new IssuerTestBed();

    @Test
    void endingASessionBlacklistsItsAccessTokensAndDeletesIt() {
        IssuedSession issued = bed.sessions().create("alice", "web", Set.of("user"));

        SessionInfo ended = bed.termination().end(issued.rid()).orElseThrow();

        assertEquals(issued.rid(), ended.rid());
        assertTrue(bed.blacklisted(RID, issued.rid()));
        assertTrue(bed.sessions().find(issued.rid()).isEmpty());
        assertEquals(RotationResult.INVALID, bed.sessions().rotate(issued.refreshToken()));
        assertEquals(List.of("revoked"), bed.events().events());
    }

    @Test
    void anIdThatNamesNoSessionWritesNothing() {
        assertTrue(bed.termination().end("AAAAAAAAAAAAAAAAAAAAAA").isEmpty());
        assertTrue(bed.termination().end("*").isEmpty());

        assertFalse(bed.blacklisted(RID, "AAAAAAAAAAAAAAAAAAAAAA"));
        assertEquals(List.of(), bed.events().events());
    }

    @Test
    void aUsedRefreshTokenStillEndsItsSession() {
        IssuedSession issued = bed.sessions().create("alice", "web", Set.of("user"));
        RotationResult.Rotated rotated = assertInstanceOf(RotationResult.Rotated.class,
                bed.sessions().rotate(issued.refreshToken()));

        assertEquals(issued.rid(), bed.termination().endByRefreshToken(issued.refreshToken()).orElseThrow().rid());

        assertTrue(bed.blacklisted(RID, issued.rid()));
        assertEquals(RotationResult.INVALID, bed.sessions().rotate(rotated.newRefreshToken()));
    }

    @Test
    void anUnknownRefreshTokenEndsNothing() {
        IssuedSession issued = bed.sessions().create("alice", "web", Set.of("user"));

        assertTrue(bed.termination().endByRefreshToken("not-a-token-of-ours").isEmpty());

        assertTrue(bed.sessions().find(issued.rid()).isPresent());
        assertEquals(List.of(), bed.events().events());
    }

    @Test
    void aSessionWhoseBlacklistWriteFailsIsKeptSoARetryCanEndIt() {
        IssuedSession issued = bed.sessions().create("alice", "web", Set.of("user"));
        bed.refuseBlacklistWrites();

        assertThrows(JedisDataException.class, () -> bed.termination().end(issued.rid()));
        assertTrue(bed.sessions().find(issued.rid()).isPresent(), "deleted only after the blacklist holds it");

        bed.acceptBlacklistWrites();
        assertTrue(bed.termination().end(issued.rid()).isPresent());
        assertTrue(bed.blacklisted(RID, issued.rid()));
    }

    @Test
    void endingAllOfAUserRejectsEveryTokenIssuedSoFarAndDeletesEverySession() {
        IssuedSession first = bed.sessions().create("alice", "web", Set.of("user"));
        IssuedSession second = bed.sessions().create("alice", "cli", Set.of("user"));
        IssuedSession bobs = bed.sessions().create("bob", "web", Set.of("user"));

        List<SessionInfo> ended = bed.termination().endAllOf("alice");

        assertEquals(Set.of(first.rid(), second.rid()), Set.copyOf(ended.stream().map(SessionInfo::rid).toList()));
        assertTrue(bed.blacklisted(SUB, "alice"));
        assertEquals(String.valueOf(bed.secondsRoundedUp()), bed.client().get(bed.names().blacklistKey(SUB, "alice")),
                "not-before, rounded up to the second");
        assertTrue(bed.sessions().find(bobs.rid()).isPresent());
        assertEquals(0, bed.sessions().list("alice", 0, 10).total());
    }
}
