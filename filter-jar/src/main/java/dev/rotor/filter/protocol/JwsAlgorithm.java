package dev.rotor.filter.protocol;

import java.util.Arrays;
import java.util.Optional;

/**
 * The JWS algorithms Rotor signs and verifies with (RFC 7518), the same for the issuer and every verifier. Each key
 * is made for, published with and bound to exactly one of them.
 */
public enum JwsAlgorithm {

    /** RSASSA-PKCS1-v1_5 with SHA-256, on RSA keys of at least {@value #MIN_RSA_BITS} bits. */
    RS256("RSA"),

    /** ECDSA with SHA-256 on the P-256 curve. */
    ES256("EC");

    /** The shortest RSA modulus accepted, in bits. */
    public static final int MIN_RSA_BITS = 2048;

    /** The length of a P-256 coordinate or scalar, in bytes: the JWK {@code x}/{@code y} and each half of r‖s. */
    public static final int P256_BYTES = 32;

    /** The JWK {@code crv} of {@link #ES256} keys. */
    public static final String P256_CURVE = "P-256";

    private final String keyType;

    JwsAlgorithm(String keyType) {
        this.keyType = keyType;
    }

    /** The JWK {@code kty} of this algorithm's keys. */
    public String keyType() {
        return keyType;
    }

    /** @return the algorithm whose JOSE name is exactly {@code name}, or empty */
    public static Optional<JwsAlgorithm> named(String name) {
        return Arrays.stream(values()).filter(algorithm -> algorithm.name().equals(name)).findFirst();
    }
}
