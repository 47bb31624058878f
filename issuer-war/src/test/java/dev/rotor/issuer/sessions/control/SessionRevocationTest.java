package dev.rotor.issuer.sessions.control;

import dev.rotor.issuer.sessions.entity.IssuedSession;
import dev.rotor.issuer.sessions.entity.RotationResult;
import dev.rotor.issuer.sessions.entity.RotationResult.Rotated;
import dev.rotor.issuer.sessions.entity.SessionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionRevocationTest {

    @RegisterExtension
    static final SessionTestBed bed = new SessionTestBed();

    @Test
    void logoutRevokesTheSessionOfTheRefreshToken() {
        IssuedSession issued = bed.sessions().create("alice", "web", Set.of("user"));

        SessionInfo revoked = bed.deleteByRefreshToken(issued.refreshToken()).orElseThrow();

        assertEquals(issued.rid(), revoked.rid());
        assertEquals("alice", revoked.subject());
        assertEquals("web", revoked.clientId());
        assertEquals(RotationResult.INVALID, bed.sessions().rotate(issued.refreshToken()));
        assertTrue(bed.sessions().find(issued.rid()).isEmpty());
        assertTrue(bed.deleteByRefreshToken(issued.refreshToken()).isEmpty(), "a second logout finds nothing");
    }

    @Test
    void logoutWithAnAlreadyUsedTokenRevokesTheFamily() {
        IssuedSession issued = bed.sessions().create("alice", "", Set.of("user"));
        Rotated rotated = assertInstanceOf(Rotated.class, bed.sessions().rotate(issued.refreshToken()));

        assertEquals(issued.rid(), bed.deleteByRefreshToken(issued.refreshToken()).orElseThrow().rid());

        assertEquals(RotationResult.INVALID, bed.sessions().rotate(rotated.newRefreshToken()));
    }

    @Test
    void logoutWithAnUnknownTokenReportsNothing() {
        bed.sessions().create("alice", "", Set.of("user"));

        assertTrue(bed.deleteByRefreshToken(new OpaqueTokens().newRefreshToken()).isEmpty());
        assertEquals(1, bed.sessions().list("alice", 0, 10).total());
    }

    @Test
    void revokeByRidEndsThatSessionOnly() {
        IssuedSession target = bed.sessions().create("alice", "", Set.of("user"));
        IssuedSession other = bed.sessions().create("alice", "", Set.of("user"));

        assertEquals(target.rid(), bed.sessions().delete(target.rid()).orElseThrow().rid());

        assertEquals(RotationResult.INVALID, bed.sessions().rotate(target.refreshToken()));
        assertTrue(bed.sessions().delete(target.rid()).isEmpty());
        assertInstanceOf(Rotated.class, bed.sessions().rotate(other.refreshToken()));
        assertEquals(List.of(other.rid()), bed.sessions().list("alice", 0, 10).sessions().stream()
                .map(SessionInfo::rid).toList());
    }

    @Test
    void revokeAllOfEndsEverySessionOfThatSubjectOnly() {
        Set<String> alices = Set.of(bed.sessions().create("alice", "a", Set.of("user")).rid(), bed.sessions().create("alice", "b", Set.of("user")).rid(),
                bed.sessions().create("alice", "", Set.of("user")).rid());
        IssuedSession bobs = bed.sessions().create("bob", "", Set.of("user"));

        List<SessionInfo> revoked = bed.sessions().deleteAllOf("alice");

        assertEquals(alices, revoked.stream().map(SessionInfo::rid).collect(Collectors.toSet()));
        alices.forEach(rid -> assertTrue(bed.sessions().find(rid).isEmpty()));
        assertEquals(0, bed.sessions().list("alice", 0, 10).total());
        assertInstanceOf(Rotated.class, bed.sessions().rotate(bobs.refreshToken()));
        assertTrue(bed.sessions().deleteAllOf("alice").isEmpty());
    }

    @Test
    void revokeAllOfReachesRotatedSessions() {
        IssuedSession issued = bed.sessions().create("alice", "", Set.of("user"));
        Rotated rotated = assertInstanceOf(Rotated.class, bed.sessions().rotate(issued.refreshToken()));

        assertEquals(1, bed.sessions().deleteAllOf("alice").size());

        assertEquals(RotationResult.INVALID, bed.sessions().rotate(rotated.newRefreshToken()));
    }

    @Test
    void aSessionCreatedAfterRevokeAllOfIsLive() {
        bed.sessions().create("alice", "", Set.of("user"));
        bed.sessions().deleteAllOf("alice");

        IssuedSession fresh = bed.sessions().create("alice", "", Set.of("user"));

        assertInstanceOf(Rotated.class, bed.sessions().rotate(fresh.refreshToken()));
        assertEquals(1, bed.sessions().list("alice", 0, 10).total());
    }
}
