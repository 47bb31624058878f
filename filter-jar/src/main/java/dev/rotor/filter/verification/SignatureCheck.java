package dev.rotor.filter.verification;

import dev.rotor.filter.protocol.JsonWebKey;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;

/**
 * The cryptographic check of a JWS signature with the JDK's own providers, the same primitives java-jwt calls:
 * RSASSA-PKCS1-v1_5 with SHA-256 for RS256, and ECDSA P-256 with SHA-256 and the r‖s (IEEE P1363) encoding that
 * JWS uses for ES256. {@link SignatureShape} has already checked the signature's length and ranges.
 */
final class SignatureCheck {

    private SignatureCheck() {
    }

    static boolean verifies(JsonWebKey key, byte[] signingInput, byte[] signature) {
        String name = switch (key.algorithm()) {
            case RS256 -> "SHA256withRSA";
            case ES256 -> "SHA256withECDSAinP1363Format";
        };
        try {
            Signature verifier = Signature.getInstance(name);
            verifier.initVerify(key.publicKey());
            verifier.update(signingInput);
            return verifier.verify(signature);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks " + name, e);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
