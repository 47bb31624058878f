package dev.rotor.issuer.keys.entity;

import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * java-jwt's ES256 signer, with every signature brought to its low-s form. Of the two valid ECDSA signatures
 * (r, s) and (r, n - s) the JDK returns either, at random; Rotor's verifiers accept only the one with s ≤ n/2, so
 * that each token has exactly one accepted spelling. Only the public s is changed: the private key stays inside
 * the wrapped {@link Algorithm}.
 */
final class LowSEcdsaSigner extends Algorithm {

    private final Algorithm ecdsa;
    private final BigInteger order;
    private final BigInteger half;

    /**
     * @param ecdsa an {@code ES256} algorithm from {@link Algorithm#ECDSA256}
     * @param order the order n of its curve
     */
    LowSEcdsaSigner(Algorithm ecdsa, BigInteger order) {
        super(ecdsa.getName(), "SHA256withECDSA");
        this.ecdsa = ecdsa;
        this.order = order;
        this.half = order.shiftRight(1);
    }

    @Override
    public byte[] sign(byte[] headerBytes, byte[] payloadBytes) {
        return lowS(ecdsa.sign(headerBytes, payloadBytes));
    }

    /** @deprecated as in {@link Algorithm}; here for completeness, normalized like the other */
    @Override
    @Deprecated
    @SuppressWarnings("deprecation")
    public byte[] sign(byte[] contentBytes) {
        return lowS(ecdsa.sign(contentBytes));
    }

    @Override
    public void verify(DecodedJWT jwt) {
        ecdsa.verify(jwt);
    }

    @Override
    public String getSigningKeyId() {
        return ecdsa.getSigningKeyId();
    }

    /** @return the JOSE r‖s signature with s replaced by n - s if s is above n/2 */
    byte[] lowS(byte[] jose) {
        int length = jose.length / 2;
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(jose, length, jose.length));
        if (s.compareTo(half) <= 0) {
            return jose;
        }
        byte[] low = order.subtract(s).toByteArray();
        byte[] normalized = Arrays.copyOf(jose, jose.length);
        Arrays.fill(normalized, length, normalized.length, (byte) 0);
        int copied = Math.min(low.length, length);
        System.arraycopy(low, low.length - copied, normalized, normalized.length - copied, copied);
        return normalized;
    }
}
