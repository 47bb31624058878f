package dev.rotor.filter.verification;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rotor.filter.protocol.JwsAlgorithm;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of everything that reads a token (issue 11). For any input the outcome is a
 * {@link TokenRejectedException}, or a token whose signature java-jwt independently verifies; any other exception
 * or {@link Error} is a finding. {@code mvn verify} replays the committed corpus in
 * {@code TokenVerifierFuzzTestInputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes one method for its
 * {@code maxDuration} (see the README, "Fuzzing").
 */
class TokenVerifierFuzzTest {

    private static final Set<JwsAlgorithm> BOTH = Set.of(JwsAlgorithm.RS256, JwsAlgorithm.ES256);

    @FuzzTest(maxDuration = "10m")
    void verifyRawToken(byte[] input) {
        String token = new String(input, StandardCharsets.ISO_8859_1);
        VerifiedToken verified;
        try {
            verified = FuzzVerifier.VERIFIER.verify(token);
        } catch (TokenRejectedException e) {
            assertNotNull(e.reason());
            return;
        }
        FuzzVerifier.requireGenuineSignature(token);
        assertFalse(verified.subject().isEmpty());
        assertFalse("revoked".equals(verified.rid()));
        assertEquals(verified, FuzzVerifier.VERIFIER.verify(token), "a cache hit gives the same token");
    }

    @FuzzTest(maxDuration = "10m")
    void parseJoseHeader(byte[] input) {
        JoseHeader header;
        try {
            header = JoseHeader.parse(input, BOTH);
        } catch (TokenRejectedException e) {
            assertNotNull(e.reason());
            return;
        }
        assertTrue(BOTH.contains(header.algorithm()));
        assertTrue(header.kid().length() <= KeyResolver.MAX_KID_LENGTH && !header.kid().isEmpty());
        JsonObject json = Json.createReader(new java.io.StringReader(new String(input, StandardCharsets.UTF_8)))
                .readObject();
        assertEquals(header.kid(), json.getString("kid"), "another JSON reader sees the same kid");
    }

    @FuzzTest(maxDuration = "10m")
    void readClaims(byte[] input) {
        VerifiedToken token;
        try {
            token = AccessTokenClaims.read(AccessTokenClaims.text(input), new TokenTimes(FuzzVerifier.CONFIG,
                    FuzzVerifier.CLOCK));
        } catch (TokenRejectedException e) {
            assertNotNull(e.reason());
            return;
        }
        assertFalse(token.subject().isEmpty() || token.rid().isEmpty() || token.jti().isEmpty());
        assertTrue(token.expiresAt().isAfter(FuzzVerifier.NOW.minus(FuzzVerifier.CONFIG.leeway()).minusSeconds(1)));
        assertEquals(token.subject(), token.claims().getString("sub"));
    }
}
