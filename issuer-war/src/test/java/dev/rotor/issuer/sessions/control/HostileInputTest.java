package dev.rotor.issuer.sessions.control;

import dev.rotor.issuer.sessions.entity.IssuedSession;
import dev.rotor.issuer.sessions.entity.RotationResult;
import dev.rotor.issuer.sessions.entity.RotationResult.Rotated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
    static final SessionTestBed bed = new SessionTestBed();

    private static List<String> hostile() {
        List<String> values = new ArrayList<>(Arrays.asList(null, "", " ", "*", "?", "[a-z]*", "../", "../../etc",
                "rotor:*", "a\r\nDEL *", "\u0000", "%2A", "A".repeat(513), "A".repeat(10_240), "é".repeat(10_240)));
        values.add("*".repeat(22));
        return values;
    }

    @Test
    void hostileRefreshTokensAreInvalidAndRevokeNothing() {
        IssuedSession alice = bed.sessions().create("alice", "", Set.of("user"));

        for (String token : hostile()) {
            assertEquals(RotationResult.INVALID, bed.sessions().rotate(token), String.valueOf(token));
            assertTrue(bed.deleteByRefreshToken(token).isEmpty());
        }

        assertInstanceOf(Rotated.class, bed.sessions().rotate(alice.refreshToken()));
    }

    @Test
    void hostileRidsAndSubjectsFindAndRevokeNothing() {
        bed.sessions().create("alice", "", Set.of("user"));
        bed.sessions().create("bob", "", Set.of("user"));

        for (String value : hostile()) {
            assertTrue(bed.sessions().find(value).isEmpty());
            assertTrue(bed.sessions().delete(value).isEmpty());
            assertTrue(bed.sessions().deleteAllOf(value).isEmpty());
            assertEquals(0, bed.sessions().list(value, 0, 100).total());
        }

        assertEquals(1, bed.sessions().list("alice", 0, 10).total());
        assertEquals(1, bed.sessions().list("bob", 0, 10).total());
    }

    @Test
    void malformedInputNeverReachesRedis() {
        bed.redis().stop();

        for (String value : hostile()) {
            assertEquals(RotationResult.INVALID, bed.sessions().rotate(value));
            assertTrue(bed.deleteByRefreshToken(value).isEmpty());
            assertTrue(bed.sessions().delete(value).isEmpty());
            assertTrue(bed.sessions().find(value).isEmpty());
        }
    }

    @Test
    void aSubjectNamedLikeAGlobIsJustAName() {
        IssuedSession star = bed.sessions().create("*", "", Set.of("user"));
        bed.sessions().create("alice", "", Set.of("user"));

        assertEquals(List.of(star.rid()), bed.sessions().deleteAllOf("*").stream().map(info -> info.rid()).toList());

        assertEquals(1, bed.sessions().list("alice", 0, 10).total());
    }

    @Test
    void sessionsCannotBeCreatedForMalformedSubjectsOrClients() {
        for (String subject : List.of("", " ", "a\r\nb", "A".repeat(10_240))) {
            assertThrows(IllegalArgumentException.class, () -> bed.sessions().create(subject, "", Set.of("user")));
        }
        assertThrows(IllegalArgumentException.class, () -> bed.sessions().create(null, "", Set.of("user")));
        assertThrows(IllegalArgumentException.class, () -> bed.sessions().create("alice", "web\r\nx", Set.of("user")));
        assertEquals(0, SessionTestBed.keys(bed.client()).size());
    }
}
