package dev.rotor.filter.verification;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rotor.filter.protocol.JsonWebKey;
import dev.rotor.filter.protocol.JwsAlgorithm;

import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of the JWKS parser ({@link JwksDocument}, {@link JsonWebKey}): any body gives an empty
 * result or usable keys (bad members are skipped with {@code InvalidJwkException} inside); nothing else escapes.
 */
class JwksFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void parseJwks(byte[] input) {
        JwksDocument.parse(input, Duration.ofMinutes(1)).ifPresent(document -> {
            for (Map.Entry<String, JsonWebKey> entry : document.keys().entrySet()) {
                JsonWebKey key = entry.getValue();
                assertEquals(entry.getKey(), key.kid());
                if (key.algorithm() == JwsAlgorithm.RS256) {
                    assertTrue(((RSAPublicKey) key.publicKey()).getModulus().bitLength() >= JwsAlgorithm.MIN_RSA_BITS);
                } else {
                    assertTrue(key.publicKey() instanceof ECPublicKey);
                }
            }
        });
    }
}
