package dev.rotor.issuer.browser.control;

import dev.rotor.issuer.revocation.control.TokenRevocation;
import dev.rotor.issuer.tokens.control.PasswordGrant;
import dev.rotor.issuer.tokens.entity.AccessToken;
import dev.rotor.issuer.tokens.entity.OAuthErrorException;
import dev.rotor.issuer.tokens.entity.TokenPair;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrowserLoginTest {

    private static final TokenPair NEW_SESSION =
            new TokenPair(new AccessToken("a.b.c", "jti", Instant.now()), "new-rt");

    private final List<String> events = new ArrayList<>();
    private boolean passwordIsRight = true;

    private final PasswordGrant passwords = new PasswordGrant() {
        @Override
        public TokenPair login(String username, String password, String clientId, String clientAddress) {
            events.add("login " + username + " " + clientId + " " + clientAddress);
            if (!passwordIsRight) {
                throw OAuthErrorException.invalidGrant("Invalid username or password");
            }
            return NEW_SESSION;
        }
    };

    private final TokenRevocation revocation = new TokenRevocation() {
        @Override
        public void revoke(String token) {
            events.add("revoke " + token);
        }
    };

    private final BrowserLogin login = new BrowserLogin(passwords, revocation);

    @Test
    void loginAlwaysOpensANewSessionForTheLoginClient() {
        assertEquals(NEW_SESSION, login.login("alice", "secret", "127.0.0.1", Optional.empty()));
        assertEquals(List.of("login alice rotor-login 127.0.0.1"), events);
    }

    @Test
    void refreshCookieHeldBeforeLoginIsRevokedAfterTheNewSessionExists() {
        TokenPair pair = login.login("alice", "secret", "127.0.0.1", Optional.of("planted-rt"));
        assertEquals("new-rt", pair.refreshToken());
        assertEquals(List.of("login alice rotor-login 127.0.0.1", "revoke planted-rt"), events);
    }

    @Test
    void failedLoginLeavesTheHeldSessionAlone() {
        passwordIsRight = false;
        OAuthErrorException failure = assertThrows(OAuthErrorException.class,
                () -> login.login("alice", "wrong", "127.0.0.1", Optional.of("current-rt")));
        assertEquals("invalid_grant", failure.error());
        assertTrue(events.stream().noneMatch(event -> event.startsWith("revoke")), events::toString);
    }
}
