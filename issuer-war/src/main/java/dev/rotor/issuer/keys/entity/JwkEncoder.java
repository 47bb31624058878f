package dev.rotor.issuer.keys.entity;

import dev.rotor.filter.protocol.JwsAlgorithm;
import dev.rotor.issuer.secrets.Digests;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

/** Encodes a public key as a JWK (RFC 7517/7518) whose {@code kid} is its RFC 7638 thumbprint. */
final class JwkEncoder {

    private JwkEncoder() {
    }

    static JsonObject encode(JwsAlgorithm algorithm, PublicKey key) {
        return switch (algorithm) {
            case RS256 -> rsa((RSAPublicKey) key);
            case ES256 -> ec((ECPublicKey) key);
        };
    }

    private static JsonObject rsa(RSAPublicKey key) {
        String n = base64url(unsigned(key.getModulus(), 0));
        String e = base64url(unsigned(key.getPublicExponent(), 0));
        String thumbprint = thumbprint("{\"e\":\"" + e + "\",\"kty\":\"RSA\",\"n\":\"" + n + "\"}");
        return Json.createObjectBuilder()
                .add("kty", "RSA").add("kid", thumbprint).add("use", "sig").add("alg", "RS256")
                .add("n", n).add("e", e)
                .build();
    }

    private static JsonObject ec(ECPublicKey key) {
        String x = base64url(unsigned(key.getW().getAffineX(), JwsAlgorithm.P256_BYTES));
        String y = base64url(unsigned(key.getW().getAffineY(), JwsAlgorithm.P256_BYTES));
        String thumbprint = thumbprint("{\"crv\":\"" + JwsAlgorithm.P256_CURVE + "\",\"kty\":\"EC\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}");
        return Json.createObjectBuilder()
                .add("kty", "EC").add("kid", thumbprint).add("use", "sig").add("alg", "ES256")
                .add("crv", JwsAlgorithm.P256_CURVE).add("x", x).add("y", y)
                .build();
    }

    /** Big-endian magnitude without the sign byte, left-padded to {@code length} when it is positive. */
    private static byte[] unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        if (bytes.length >= length) {
            return bytes;
        }
        byte[] padded = new byte[length];
        System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
        return padded;
    }

    /** RFC 7638: SHA-256 over the required members in lexicographic order, without white space. */
    private static String thumbprint(String canonicalJson) {
        return Digests.sha256Base64url(canonicalJson);
    }

    private static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
