package dev.rotor.issuer.cookies.control;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsrfTokensTest {

    @Test
    void tokensCarry256RandomBits() {
        CsrfTokens tokens = new CsrfTokens();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = tokens.mint();
            assertEquals(32, Base64.getUrlDecoder().decode(token).length);
            assertTrue(CsrfTokens.isWellFormed(token));
            seen.add(token);
        }
        assertEquals(1000, seen.size());
    }

    @Test
    void foreignShapesAreNotWellFormed() {
        assertFalse(CsrfTokens.isWellFormed(null));
        assertFalse(CsrfTokens.isWellFormed(""));
        assertFalse(CsrfTokens.isWellFormed("short"));
        assertFalse(CsrfTokens.isWellFormed("a".repeat(42) + "="));
        assertFalse(CsrfTokens.isWellFormed("a".repeat(44)));
    }
}
