package dev.rotor.filter.authentication.signin;

import dev.rotor.filter.protocol.JwsAlgorithm;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

/**
 * Checks a JWS signature with the JDK alone: RS256 as {@code SHA256withRSA}, ES256 as {@code SHA256withECDSA} after
 * turning the JOSE form ({@code r || s}, 64 bytes) into DER. An all-zero or out-of-range {@code r} or {@code s} is
 * refused before the JDK sees it (CVE-2022-21449).
 */
final class JwsSignatures {

    private static final BigInteger P256_ORDER = new BigInteger(
            "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    private JwsSignatures() {
    }

    static boolean verify(JwsAlgorithm algorithm, PublicKey key, byte[] signingInput, byte[] signature) {
        try {
            return switch (algorithm) {
                case RS256 -> check("SHA256withRSA", key, signingInput, signature);
                case ES256 -> signature.length == 2 * JwsAlgorithm.P256_BYTES
                        && check("SHA256withECDSA", key, signingInput, der(signature));
            };
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean check(String name, PublicKey key, byte[] input, byte[] signature)
            throws GeneralSecurityException {
        Signature verifier = Signature.getInstance(name);
        verifier.initVerify(key);
        verifier.update(input);
        return verifier.verify(signature);
    }

    private static byte[] der(byte[] jose) {
        BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(jose, 0, JwsAlgorithm.P256_BYTES));
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(jose, JwsAlgorithm.P256_BYTES, jose.length));
        if (r.signum() == 0 || s.signum() == 0 || r.compareTo(P256_ORDER) >= 0 || s.compareTo(P256_ORDER) >= 0) {
            throw new IllegalArgumentException("r or s out of range");
        }
        byte[] rBytes = r.toByteArray();
        byte[] sBytes = s.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.write(4 + rBytes.length + sBytes.length);
        out.write(0x02);
        out.write(rBytes.length);
        out.writeBytes(rBytes);
        out.write(0x02);
        out.write(sBytes.length);
        out.writeBytes(sBytes);
        return out.toByteArray();
    }
}
