package dev.rotor.issuer.tokens.control;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.rotor.issuer.sessions.entity.IssuedSession;
import dev.rotor.issuer.testbed.IssuerTestBed;
import dev.rotor.issuer.tokens.entity.GrantResult;
import dev.rotor.issuer.tokens.entity.GrantResult.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.exceptions.JedisDataException;

import java.util.Set;

import static dev.rotor.filter.protocol.RevocationEvent.Type.RID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefreshGrantTest {

    @RegisterExtension
    static final IssuerTestBed bed = new IssuerTestBed();

    @Test
    void aCurrentRefreshTokenGivesANewPairForTheSameSession() {
        bed.user("alice", "user");
        IssuedSession issued = bed.sessions().create("alice", "web", Set.of("user"));

        GrantResult.Granted granted = granted(bed.refreshes().refresh(issued.refreshToken()));

        DecodedJWT access = JWT.decode(granted.tokens().access().value());
        assertEquals(issued.rid(), access.getClaim("rid").asString());
        assertEquals("web", access.getClaim("client_id").asString());
        assertNotEquals(issued.refreshToken(), granted.tokens().refreshToken());
        assertTrue(bed.events().events().containsAll(java.util.List.of("tokenIssued", "refreshed")));
    }

    @Test
    void groupsAreReadAgainFromTheUserStoreAtEveryRefresh() {
        bed.user("alice", "user");
        IssuedSession issued = bed.sessions().create("alice", "web", Set.of("user"));
        bed.users().setGroups("alice", Set.of("user", "finance"));

        GrantResult.Granted granted = granted(bed.refreshes().refresh(issued.refreshToken()));

        assertEquals(Set.of("user", "finance"),
                Set.copyOf(JWT.decode(granted.tokens().access().value()).getClaim("groups").asList(String.class)));
    }

    @Test
    void aReplayedRefreshTokenEndsTheSessionEverywhere() {
        bed.user("alice", "user");
        IssuedSession issued = bed.sessions().create("alice", "web", Set.of("user"));
        GrantResult.Granted first = granted(bed.refreshes().refresh(issued.refreshToken()));

        assertEquals(new GrantResult.Refused(Refusal.REFRESH_TOKEN_REUSED), bed.refreshes().refresh(issued.refreshToken()));

        assertTrue(bed.blacklisted(RID, issued.rid()), "the access tokens of the session are rejected everywhere");
        assertTrue(bed.sessions().find(issued.rid()).isEmpty());
        assertEquals(new GrantResult.Refused(Refusal.INVALID_REFRESH_TOKEN),
                bed.refreshes().refresh(first.tokens().refreshToken()), "the thief's or the owner's newer token too");
        assertEquals(1, bed.events().count("reuseDetected"));
    }

    @Test
    void aReuseWhoseEndFailedIsReportedAgainSoTheEndIsRetried() {
        bed.user("alice", "user");
        IssuedSession issued = bed.sessions().create("alice", "web", Set.of("user"));
        GrantResult.Granted first = granted(bed.refreshes().refresh(issued.refreshToken()));
        bed.refuseBlacklistWrites();

        assertThrows(JedisDataException.class, () -> bed.refreshes().refresh(issued.refreshToken()));
        bed.acceptBlacklistWrites();
        assertFalse(bed.blacklisted(RID, issued.rid()));

        assertEquals(new GrantResult.Refused(Refusal.REFRESH_TOKEN_REUSED),
                bed.refreshes().refresh(first.tokens().refreshToken()), "the session stays compromised, not usable");
        assertTrue(bed.blacklisted(RID, issued.rid()));
    }

    @Test
    void aDisabledUsersSessionEndsAtItsNextRefresh() {
        bed.user("alice", "user");
        IssuedSession issued = bed.sessions().create("alice", "web", Set.of("user"));
        bed.users().setDisabled("alice", true);

        assertEquals(new GrantResult.Refused(Refusal.INVALID_REFRESH_TOKEN), bed.refreshes().refresh(issued.refreshToken()));

        assertTrue(bed.blacklisted(RID, issued.rid()));
        assertTrue(bed.sessions().find(issued.rid()).isEmpty());
    }

    @Test
    void aSubjectFromAnotherIdentityStoreKeepsTheGroupsOfItsLogin() {
        IssuedSession issued = bed.sessions().create("CN=ldap user,O=example", "web", Set.of("staff"));

        GrantResult.Granted granted = granted(bed.refreshes().refresh(issued.refreshToken()));

        assertEquals(java.util.List.of("staff"),
                JWT.decode(granted.tokens().access().value()).getClaim("groups").asList(String.class));
    }

    @Test
    void anUnknownTokenIsRefusedAndChangesNothing() {
        assertEquals(new GrantResult.Refused(Refusal.INVALID_REFRESH_TOKEN), bed.refreshes().refresh("nope"));
        assertEquals(java.util.List.of(), bed.events().events());
    }

    private static GrantResult.Granted granted(GrantResult result) {
        return assertInstanceOf(GrantResult.Granted.class, result);
    }
}
