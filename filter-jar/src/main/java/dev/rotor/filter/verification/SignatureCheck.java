package dev.rotor.filter.verification;

import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import dev.rotor.filter.protocol.JsonWebKey;

import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

/**
 * The cryptographic check of a JWS signature, by java-jwt's {@link Algorithm} bound to the key's one algorithm:
 * RS256 (RSASSA-PKCS1-v1_5 with SHA-256) or ES256 (ECDSA P-256 with SHA-256, r‖s encoded). {@link SignatureShape}
 * has already checked the signature's length, its ranges and low S.
 */
final class SignatureCheck {

    private SignatureCheck() {
    }

    static boolean verifies(JsonWebKey key, CompactJws jws) {
        Algorithm algorithm = switch (key.algorithm()) {
            case RS256 -> Algorithm.RSA256((RSAPublicKey) key.publicKey(), null);
            case ES256 -> Algorithm.ECDSA256((ECPublicKey) key.publicKey(), null);
        };
        try {
            algorithm.verify(new JwsSegments(jws));
            return true;
        } catch (SignatureVerificationException e) {
            return false;
        }
    }
}
