package dev.rotor.issuer.keys.entity;

import com.auth0.jwt.algorithms.Algorithm;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;

/** The signature algorithms an instance can sign with. Each key is made for, and bound to, exactly one. */
public enum KeyAlgorithm {

    RS256 {
        @Override
        KeyPair generateKeyPair() throws GeneralSecurityException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));
            return generator.generateKeyPair();
        }

        @Override
        Algorithm signer(KeyPair keyPair) {
            return Algorithm.RSA256((RSAPublicKey) keyPair.getPublic(), (RSAPrivateKey) keyPair.getPrivate());
        }
    },

    ES256 {
        @Override
        KeyPair generateKeyPair() throws GeneralSecurityException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        }

        @Override
        Algorithm signer(KeyPair keyPair) {
            return Algorithm.ECDSA256((ECPublicKey) keyPair.getPublic(), (ECPrivateKey) keyPair.getPrivate());
        }
    };

    abstract KeyPair generateKeyPair() throws GeneralSecurityException;

    abstract Algorithm signer(KeyPair keyPair);
}
