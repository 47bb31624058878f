package dev.rotor.issuer.keys.control;

import dev.rotor.issuer.keys.entity.KeyAlgorithm;
import dev.rotor.issuer.keys.entity.SigningKey;

import java.time.Instant;

/** Makes this instance's next signing key, in memory, with the configured algorithm. */
public class KeyGenerator {

    private final KeyAlgorithm algorithm;

    public KeyGenerator(KeyAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    public SigningKey generate(Instant now) {
        return SigningKey.generate(algorithm, now);
    }
}
