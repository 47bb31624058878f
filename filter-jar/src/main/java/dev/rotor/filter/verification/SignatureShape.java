package dev.rotor.filter.verification;

import dev.rotor.filter.protocol.JsonWebKey;
import dev.rotor.filter.protocol.JsonWebKey;
import dev.rotor.filter.protocol.JwsAlgorithm;

import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;

/**
 * Checks a signature's length and, for ECDSA, that r and s lie in [1, n-1], before any cryptography runs.
 * This keeps psychic signatures (CVE-2022-21449: r = s = 0) out whatever the JVM's own checks are.
 */
final class SignatureShape {

    private SignatureShape() {
    }

    static boolean fits(JsonWebKey key, byte[] signature) {
        if (key.publicKey() instanceof RSAPublicKey rsa) {
            return signature.length == (rsa.getModulus().bitLength() + 7) / 8;
        }
        if (key.publicKey() instanceof ECPublicKey ec) {
            if (signature.length != 2 * JwsAlgorithm.P256_BYTES) {
                return false;
            }
            BigInteger order = ec.getParams().getOrder();
            return inRange(Arrays.copyOfRange(signature, 0, JwsAlgorithm.P256_BYTES), order)
                    && inRange(Arrays.copyOfRange(signature, JwsAlgorithm.P256_BYTES, signature.length), order);
        }
        return false;
    }

    private static boolean inRange(byte[] scalar, BigInteger order) {
        BigInteger value = new BigInteger(1, scalar);
        return value.signum() > 0 && value.compareTo(order) < 0;
    }
}
