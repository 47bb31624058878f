package dev.rotor.filter.verification;

import dev.rotor.filter.protocol.JsonWebKey;
import dev.rotor.filter.protocol.JwsAlgorithm;

import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;

/**
 * Checks a signature's length and, for ECDSA, its scalars before any cryptography runs: r in [1, n-1] and s in
 * [1, n/2]. The range keeps psychic signatures (CVE-2022-21449: r = s = 0) out whatever the JVM's own checks are;
 * requiring the low s of the two valid ones ({@code s} and {@code n - s}) leaves each signed token exactly one
 * accepted signature, so the token text that the verified-token cache and logs key on cannot be varied.
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
            BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, JwsAlgorithm.P256_BYTES));
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, JwsAlgorithm.P256_BYTES, signature.length));
            return r.signum() > 0 && r.compareTo(order) < 0 && s.signum() > 0 && s.compareTo(order.shiftRight(1)) <= 0;
        }
        return false;
    }
}
