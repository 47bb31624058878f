package dev.rotor.issuer.tokens.control;

import dev.rotor.issuer.clients.entity.Client;
import dev.rotor.issuer.clients.entity.ClientType;
import dev.rotor.issuer.clients.entity.GrantTypes;
import dev.rotor.issuer.clients.entity.Scopes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PkceTest {

    /** RFC 7636 Appendix B. */
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void theS256ExampleOfTheRfcMatches() {
        assertTrue(Pkce.matches(VERIFIER, CHALLENGE));
        assertFalse(Pkce.matches(VERIFIER, CHALLENGE.replace('E', 'F')));
        assertFalse(Pkce.matches(CHALLENGE, CHALLENGE), "plain: the challenge itself is no verifier for S256");
    }

    @Test
    void aVerifierIs43To128UnreservedCharacters() {
        assertTrue(Pkce.isVerifier("a".repeat(43)));
        assertTrue(Pkce.isVerifier("a-._~".repeat(25) + "abc"));
        assertFalse(Pkce.isVerifier("a".repeat(42)));
        assertFalse(Pkce.isVerifier("a".repeat(129)));
        assertFalse(Pkce.isVerifier("a".repeat(42) + "+"));
        assertFalse(Pkce.isVerifier(null));
    }

    @Test
    void thePasswordGrantNeedsTheGlobalSwitchAndTheClientsGrantType() {
        Client web = new Client("web", ClientType.PUBLIC, null, List.of("https://web.example/cb"), List.of(),
                GrantTypes.DEFAULT, Scopes.DEFAULT, false);
        Client script = new Client("script", ClientType.PUBLIC, null, List.of(), List.of(),
                Set.of(GrantTypes.PASSWORD), Scopes.DEFAULT, false);
        assertTrue(GrantPolicy.passwordAllowed(true, Optional.empty()), "a first-party script");
        assertFalse(GrantPolicy.passwordAllowed(false, Optional.empty()));
        assertFalse(GrantPolicy.passwordAllowed(true, Optional.of(web)));
        assertTrue(GrantPolicy.passwordAllowed(true, Optional.of(script)));
        assertFalse(GrantPolicy.passwordAllowed(false, Optional.of(script)));
    }
}
