package dev.rotor.issuer.keys.control;

import dev.rotor.issuer.keys.entity.KeyAlgorithm;
import dev.rotor.issuer.keys.entity.SigningKey;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Instant;

/** Makes a new signing key in memory. The key pair never leaves this method except inside the {@link SigningKey}. */
public final class KeyGenerator {

    private final KeyAlgorithm algorithm;

    public KeyGenerator(KeyAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    public SigningKey generate(Instant now) {
        try {
            KeyPair keyPair = algorithm.generateKeyPair();
            return SigningKey.of(algorithm, keyPair, JwkEncoder.encode(algorithm, keyPair.getPublic()), now);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot generate " + algorithm + " keys", e);
        }
    }
}
