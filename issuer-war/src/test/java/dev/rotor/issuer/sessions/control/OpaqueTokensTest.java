package dev.rotor.issuer.sessions.control;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpaqueTokensTest {

    private final OpaqueTokens tokens = new OpaqueTokens();

    @Test
    void refreshTokenIs256RandomBitsInUnpaddedBase64url() {
        String token = tokens.newRefreshToken();

        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token.length() + " chars");
        assertEquals(32, Base64.getUrlDecoder().decode(token).length);
    }

    @Test
    void ridIs128RandomBitsInUnpaddedBase64url() {
        String rid = tokens.newRid();

        assertTrue(SessionInputs.isRid(rid));
        assertEquals(16, Base64.getUrlDecoder().decode(rid).length);
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(tokens.newRefreshToken()));
        }
    }

    @Test
    void hashIsStableSha256AndRevealsNothingOfTheToken() {
        String token = tokens.newRefreshToken();

        assertEquals(OpaqueTokens.hash(token), OpaqueTokens.hash(token));
        assertEquals(32, Base64.getUrlDecoder().decode(OpaqueTokens.hash(token)).length);
        assertNotEquals(token, OpaqueTokens.hash(token));
        assertFalse(OpaqueTokens.hash(token).contains(token.substring(0, 8)));
        // RFC 6234 test vector: SHA-256("abc")
        assertEquals("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0", OpaqueTokens.hash("abc"));
    }
}
