package dev.rotor.issuer.admin.control;

import dev.rotor.issuer.sessions.entity.IssuedSession;
import dev.rotor.issuer.testbed.IssuerTestBed;
import dev.rotor.issuer.users.control.UnknownUserException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Set;

import static dev.rotor.filter.protocol.RevocationEvent.Type.SUB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserAdministrationTest {

    @RegisterExtension
    static final IssuerTestBed bed = new IssuerTestBed();

    private UserAdministration administration;
    private IssuedSession session;

    @BeforeEach
    void aliceIsSignedIn() {
        administration = bed.administration();
        bed.user("alice", "user");
        session = bed.sessions().create("alice", "web", Set.of("user"));
    }

    @Test
    void aNewPasswordEndsEverySessionAndToken() {
        administration.changePassword("alice", "a-new-password".toCharArray());

        assertTrue(bed.blacklisted(SUB, "alice"));
        assertTrue(bed.sessions().find(session.rid()).isEmpty());
    }

    @Test
    void disablingEndsEverythingAndEnablingEndsNothing() {
        administration.setDisabled("alice", false);
        assertFalse(bed.blacklisted(SUB, "alice"));

        administration.setDisabled("alice", true);
        assertTrue(bed.blacklisted(SUB, "alice"));
        assertTrue(bed.sessions().find(session.rid()).isEmpty());
    }

    @Test
    void newGroupsLeaveTheSessionsAlone() {
        administration.setGroups("alice", Set.of("user", "finance"));

        assertFalse(bed.blacklisted(SUB, "alice"));
        assertTrue(bed.sessions().find(session.rid()).isPresent());
    }

    @Test
    void endingAllSessionsReportsHowManyWereLive() {
        bed.sessions().create("alice", "cli", Set.of("user"));

        assertEquals(2, administration.revokeSessions("alice").size());
        assertEquals(0, bed.sessions().list("alice", 0, 10).total());
    }

    @Test
    void changesToAnUnknownUserChangeNothing() {
        assertThrows(UnknownUserException.class, () -> administration.setDisabled("nobody", true));
        assertFalse(bed.blacklisted(SUB, "nobody"));
        assertTrue(administration.create("bob", "pw-bob-1".toCharArray(), Set.of()));
        assertFalse(administration.create("bob", "other".toCharArray(), Set.of()), "a second create is refused");
    }
}
