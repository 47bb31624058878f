package dev.rotor.issuer.keys.entity;

import com.auth0.jwt.algorithms.Algorithm;
import dev.rotor.filter.protocol.JwsAlgorithm;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;

/** Makes key pairs in memory for an algorithm, and the java-jwt signer that keeps the private half (low-s for ES256). */
final class KeyPairs {

    private KeyPairs() {
    }

    static KeyPair generate(JwsAlgorithm algorithm) throws GeneralSecurityException {
        return switch (algorithm) {
            case RS256 -> {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(new RSAKeyGenParameterSpec(JwsAlgorithm.MIN_RSA_BITS, RSAKeyGenParameterSpec.F4));
                yield generator.generateKeyPair();
            }
            case ES256 -> {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                yield generator.generateKeyPair();
            }
        };
    }

    static Algorithm signer(JwsAlgorithm algorithm, KeyPair keyPair) {
        return switch (algorithm) {
            case RS256 -> Algorithm.RSA256((RSAPublicKey) keyPair.getPublic(), (RSAPrivateKey) keyPair.getPrivate());
            case ES256 -> new LowSEcdsaSigner(
                    Algorithm.ECDSA256((ECPublicKey) keyPair.getPublic(), (ECPrivateKey) keyPair.getPrivate()),
                    ((ECPublicKey) keyPair.getPublic()).getParams().getOrder());
        };
    }
}
