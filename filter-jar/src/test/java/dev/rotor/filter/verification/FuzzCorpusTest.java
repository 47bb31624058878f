package dev.rotor.filter.verification;

import dev.rotor.filter.verification.TokenRejectedException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The committed fuzz corpus still means what it says: its valid tokens verify against its keys (so the fuzz tests
 * keep reaching the accepting path), and each finding's seed is rejected for its reason.
 */
class FuzzCorpusTest {

    private static String seed(String name) {
        return new String(FuzzVerifier.resource("TokenVerifierFuzzTestInputs/verifyRawToken/" + name),
                StandardCharsets.ISO_8859_1);
    }

    @Test
    void validSeedsVerifyAndJavaJwtAgrees() {
        for (String name : new String[]{"valid-rs256", "valid-es256"}) {
            assertEquals("alice", FuzzVerifier.VERIFIER.verify(seed(name)).subject());
            FuzzVerifier.requireGenuineSignature(seed(name));
        }
    }

    @ParameterizedTest
    @CsvSource({"finding-5-high-s, BAD_SIGNATURE", "finding-5-spare-bits, MALFORMED", "padded, MALFORMED",
        "finding-1-huge-number-header, MALFORMED", "finding-1-huge-number-claims, MALFORMED",
        "huge-exponent-claims, MALFORMED", "revoked, REVOKED", "alg-none, MALFORMED",
        "hs256, ALGORITHM_NOT_ALLOWED", "unknown-kid, UNKNOWN_KEY", "crit, UNSUPPORTED_HEADER", "deep, MALFORMED",
        "duplicate-alg, MALFORMED", "jwe, MALFORMED", "dots, MALFORMED"})
    void findingSeedsAreRejectedForTheirReason(String name, Reason reason) {
        assertEquals(reason, assertThrows(TokenRejectedException.class,
                () -> FuzzVerifier.VERIFIER.verify(seed(name))).reason());
    }
}
