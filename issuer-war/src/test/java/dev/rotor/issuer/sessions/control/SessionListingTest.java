package dev.rotor.issuer.sessions.control;

import dev.rotor.issuer.sessions.entity.IssuedSession;
import dev.rotor.issuer.sessions.entity.RotationResult.Rotated;
import dev.rotor.issuer.sessions.entity.SessionInfo;
import dev.rotor.issuer.sessions.entity.SessionPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Set;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionListingTest {

    @RegisterExtension
    static final SessionTestBed bed = new SessionTestBed();

    /** Creates sessions one second apart and returns them oldest first. */
    private List<IssuedSession> createSessions(String subject, int count) {
        List<IssuedSession> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            created.add(bed.sessions().create(subject, "client-" + i, Set.of("user")));
            bed.clock().advance(Duration.ofSeconds(1));
        }
        return created;
    }

    @Test
    void pagesCoverEverySessionNewestFirst() {
        List<IssuedSession> created = createSessions("alice", 7);
        createSessions("bob", 2);

        List<String> listed = new ArrayList<>();
        for (int offset = 0; offset < 7; offset += 3) {
            SessionPage page = bed.sessions().list("alice", offset, 3);
            assertEquals(7, page.total());
            assertEquals(offset, page.offset());
            page.sessions().forEach(info -> listed.add(info.rid()));
        }

        List<String> newestFirst = new ArrayList<>(created.stream().map(IssuedSession::rid).toList());
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, listed);
    }

    @Test
    void limitIsCappedAt100AndOffsetAtZero() {
        createSessions("alice", 105);

        SessionPage page = bed.sessions().list("alice", -5, 1_000);

        assertEquals(100, page.sessions().size());
        assertEquals(100, page.limit());
        assertEquals(0, page.offset());
        assertEquals(105, page.total());
        assertEquals(5, bed.sessions().list("alice", 100, 100).sessions().size());
        assertTrue(bed.sessions().list("alice", Integer.MAX_VALUE, Integer.MAX_VALUE).sessions().isEmpty());
        assertEquals(1, bed.sessions().list("alice", 0, 0).sessions().size(), "a limit below 1 is raised to 1");
    }

    @Test
    void listedSessionDescribesItsLifetimesButNoToken() {
        IssuedSession issued = bed.sessions().create("alice", "web", Set.of("user"));
        Rotated rotated = assertInstanceOf(Rotated.class, bed.sessions().rotate(issued.refreshToken()));

        SessionInfo info = bed.sessions().list("alice", 0, 10).sessions().get(0);

        assertEquals(new SessionInfo(issued.rid(), "alice", "web", bed.clock().instant(), bed.clock().instant(),
                bed.clock().instant().plus(SessionTestBed.LIFETIMES.idle()),
                bed.clock().instant().plus(SessionTestBed.LIFETIMES.absolute())), info);
        for (String secret : List.of(issued.refreshToken(), rotated.newRefreshToken(),
                OpaqueTokens.hash(issued.refreshToken()), OpaqueTokens.hash(rotated.newRefreshToken()))) {
            assertFalse(info.toString().contains(secret));
        }
    }

    @Test
    void expiredSessionsLeaveTheListAndTheTotal() {
        createSessions("alice", 3);
        bed.clock().advance(SessionTestBed.LIFETIMES.idle().minusSeconds(2));
        IssuedSession recent = bed.sessions().create("alice", "", Set.of("user"));

        SessionPage page = bed.sessions().list("alice", 0, 10);

        assertEquals(2, page.total(), "the two oldest are idle-expired");
        assertEquals(recent.rid(), page.sessions().get(0).rid());
    }

    @Test
    void subjectWithoutSessionsHasAnEmptyPage() {
        assertEquals(0, bed.sessions().list("nobody", 0, 10).total());
    }
}
