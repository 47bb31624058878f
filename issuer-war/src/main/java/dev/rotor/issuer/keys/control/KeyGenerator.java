package dev.rotor.issuer.keys.control;

import dev.rotor.filter.protocol.JwsAlgorithm;
import dev.rotor.issuer.keys.entity.SigningKey;

import java.time.Instant;

/** Makes this instance's next signing key, in memory, with the configured algorithm. */
public class KeyGenerator {

    private final JwsAlgorithm algorithm;

    public KeyGenerator(JwsAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    public SigningKey generate(Instant now) {
        return SigningKey.generate(algorithm, now);
    }
}
