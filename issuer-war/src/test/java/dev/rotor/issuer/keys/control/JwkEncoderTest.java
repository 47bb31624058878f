package dev.rotor.issuer.keys.control;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import dev.rotor.filter.protocol.JsonWebKey;
import dev.rotor.filter.protocol.JwsAlgorithm;
import dev.rotor.issuer.keys.entity.SigningKey;
import jakarta.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JwkEncoderTest {

    @ParameterizedTest
    @EnumSource(JwsAlgorithm.class)
    void encodedKeyVerifiesWhatTheSigningKeySignedWithJavaJwt(JwsAlgorithm algorithm) {
        SigningKey key = new KeyGenerator(algorithm).generate(Instant.now());
        String token = key.sign(JWT.create().withSubject("alice"));

        JsonWebKey parsed = JsonWebKey.parse(key.publicKey().jwk());
        assertEquals(key.kid(), parsed.kid());
        assertEquals(algorithm, parsed.algorithm());
        assertEquals(key.kid(), JWT.decode(token).getKeyId(), "the token names its key");
        assertEquals("alice", JWT.require(verifier(algorithm, parsed)).build().verify(token).getSubject());
    }

    @ParameterizedTest
    @EnumSource(JwsAlgorithm.class)
    void anotherKeyDoesNotVerify(JwsAlgorithm algorithm) {
        SigningKey signer = new KeyGenerator(algorithm).generate(Instant.now());
        SigningKey other = new KeyGenerator(algorithm).generate(Instant.now());
        String token = signer.sign(JWT.create().withSubject("alice"));
        JsonWebKey wrong = JsonWebKey.parse(other.publicKey().jwk());
        assertThrows(SignatureVerificationException.class,
                () -> JWT.require(verifier(algorithm, wrong)).build().verify(token));
    }

    @ParameterizedTest
    @EnumSource(JwsAlgorithm.class)
    void kidIsTheRfc7638Thumbprint(JwsAlgorithm algorithm) throws Exception {
        JsonObject jwk = new KeyGenerator(algorithm).generate(Instant.now()).publicKey().jwk();
        String canonical = switch (algorithm) {
            case RS256 -> "{\"e\":\"" + jwk.getString("e") + "\",\"kty\":\"RSA\",\"n\":\"" + jwk.getString("n") + "\"}";
            case ES256 -> "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + jwk.getString("x")
                    + "\",\"y\":\"" + jwk.getString("y") + "\"}";
        };
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(digest), jwk.getString("kid"));
        assertEquals("sig", jwk.getString("use"));
        assertEquals(algorithm.name(), jwk.getString("alg"));
    }

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = "RS256")
    void rsaKeysAre2048BitsWithExponent65537(JwsAlgorithm algorithm) {
        JsonObject jwk = new KeyGenerator(algorithm).generate(Instant.now()).publicKey().jwk();
        RSAPublicKey key = (RSAPublicKey) JsonWebKey.parse(jwk).publicKey();
        assertTrue(key.getModulus().bitLength() >= 2048);
        assertEquals(BigInteger.valueOf(65537), key.getPublicExponent());
        assertEquals("AQAB", jwk.getString("e"));
    }

    private static Algorithm verifier(JwsAlgorithm algorithm, JsonWebKey key) {
        return switch (algorithm) {
            case RS256 -> Algorithm.RSA256((RSAPublicKey) key.publicKey(), null);
            case ES256 -> Algorithm.ECDSA256((ECPublicKey) key.publicKey(), null);
        };
    }
}
