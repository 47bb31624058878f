package dev.rotor.issuer.browser.control;

import dev.rotor.filter.protocol.RevocationEvent;
import dev.rotor.issuer.sessions.entity.IssuedSession;
import dev.rotor.issuer.sessions.entity.SessionInfo;
import dev.rotor.issuer.testbed.IssuerTestBed;
import dev.rotor.issuer.tokens.entity.GrantResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrowserLoginTest {

    @RegisterExtension
    static final IssuerTestBed bed = new IssuerTestBed();

    private BrowserLogin login;

    @BeforeEach
    void wire() {
        login = bed.browserLogin();
        bed.user("alice", "user");
    }

    @Test
    void loginAlwaysOpensANewSessionForTheLoginClient() {
        GrantResult.Granted granted = assertInstanceOf(GrantResult.Granted.class,
                login.login("alice", bed.password("alice"), "127.0.0.1", Optional.empty()));

        SessionInfo session = bed.sessions().holderOf(granted.tokens().refreshToken()).orElseThrow();
        assertEquals("alice", session.subject());
        assertEquals(BrowserLogin.CLIENT_ID, session.clientId());
    }

    @Test
    void refreshCookieHeldBeforeLoginIsEndedOnceTheNewSessionExists() {
        IssuedSession planted = bed.sessions().create("mallory", "rotor-login", Set.of("user"));

        GrantResult.Granted granted = assertInstanceOf(GrantResult.Granted.class,
                login.login("alice", bed.password("alice"), "127.0.0.1", Optional.of(planted.refreshToken())));

        assertTrue(bed.sessions().find(planted.rid()).isEmpty(), "the planted session is gone");
        assertTrue(bed.blacklisted(RevocationEvent.Type.RID, planted.rid()), "and its access tokens are rejected");
        assertTrue(bed.sessions().holderOf(granted.tokens().refreshToken()).isPresent());
    }

    @Test
    void failedLoginLeavesTheHeldSessionAlone() {
        IssuedSession held = bed.sessions().create("alice", "rotor-login", Set.of("user"));

        GrantResult result = login.login("alice", "wrong", "127.0.0.1", Optional.of(held.refreshToken()));

        assertEquals(new GrantResult.Refused(GrantResult.Refusal.BAD_CREDENTIALS), result);
        assertTrue(bed.sessions().find(held.rid()).isPresent());
        assertFalse(bed.blacklisted(RevocationEvent.Type.RID, held.rid()));
    }

    @Test
    void aThrottledLoginSaysHowLongToWait() {
        for (int i = 0; i < 3; i++) {
            login.login("alice", "wrong", "127.0.0.1", Optional.empty());
        }

        GrantResult.Throttled throttled = assertInstanceOf(GrantResult.Throttled.class,
                login.login("alice", bed.password("alice"), "127.0.0.1", Optional.empty()));
        assertTrue(throttled.retryAfter().toSeconds() > 0);
    }
}
