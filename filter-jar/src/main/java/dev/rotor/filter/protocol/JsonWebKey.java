package dev.rotor.filter.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;

/**
 * A public verification key read from a JWKS (RFC 7517), bound to exactly one signature algorithm.
 * Only {@code RS256} (RSA, at least 2048 bits) and {@code ES256} (EC P-256) keys are accepted.
 *
 * @param kid       the key id that tokens name in their header
 * @param algorithm the one JWS algorithm this key may verify
 * @param publicKey the key itself
 */
public record JsonWebKey(String kid, JwsAlgorithm algorithm, PublicKey publicKey) {

    /**
     * Parses one member of a JWKS {@code keys} array.
     *
     * @throws InvalidJwkException if the key is malformed, private, too weak or of an unsupported type
     */
    public static JsonWebKey parse(JsonObject jwk) {
        String kid = member(jwk, "kid");
        String kty = member(jwk, "kty");
        if (jwk.containsKey("d") || jwk.containsKey("k")) {
            throw new InvalidJwkException("a JWKS must not contain private key members");
        }
        if (jwk.containsKey("use") && !"sig".equals(optionalMember(jwk, "use"))) {
            throw new InvalidJwkException("key is not for signatures");
        }
        return switch (kty) {
            case "RSA" -> new JsonWebKey(kid, requireAlgorithm(jwk, JwsAlgorithm.RS256), rsa(jwk));
            case "EC" -> new JsonWebKey(kid, requireAlgorithm(jwk, JwsAlgorithm.ES256), ecP256(jwk));
            default -> throw new InvalidJwkException("unsupported key type");
        };
    }

    private static JwsAlgorithm requireAlgorithm(JsonObject jwk, JwsAlgorithm expected) {
        String alg = jwk.containsKey("alg") ? optionalMember(jwk, "alg") : expected.name();
        if (!expected.name().equals(alg)) {
            throw new InvalidJwkException("key type does not match its algorithm");
        }
        return expected;
    }

    private static PublicKey rsa(JsonObject jwk) {
        BigInteger modulus = unsigned(member(jwk, "n"));
        BigInteger exponent = unsigned(member(jwk, "e"));
        if (modulus.bitLength() < JwsAlgorithm.MIN_RSA_BITS) {
            throw new InvalidJwkException("RSA key shorter than " + JwsAlgorithm.MIN_RSA_BITS + " bits");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
        } catch (GeneralSecurityException e) {
            throw new InvalidJwkException("invalid RSA key");
        }
    }

    private static PublicKey ecP256(JsonObject jwk) {
        if (!JwsAlgorithm.P256_CURVE.equals(member(jwk, "crv"))) {
            throw new InvalidJwkException("unsupported curve");
        }
        byte[] x = decode(member(jwk, "x"));
        byte[] y = decode(member(jwk, "y"));
        if (x.length != JwsAlgorithm.P256_BYTES || y.length != JwsAlgorithm.P256_BYTES) {
            throw new InvalidJwkException("invalid P-256 coordinates");
        }
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec curve = parameters.getParameterSpec(ECParameterSpec.class);
            ECPoint point = new ECPoint(new BigInteger(1, x), new BigInteger(1, y));
            requireOnCurve(point, curve);
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, curve));
        } catch (GeneralSecurityException e) {
            throw new InvalidJwkException("invalid EC key");
        }
    }

    /** An off-curve point enables invalid-curve attacks; the JDK does not reject it at key creation. */
    private static void requireOnCurve(ECPoint point, ECParameterSpec curve) {
        BigInteger p = ((java.security.spec.ECFieldFp) curve.getCurve().getField()).getP();
        BigInteger x = point.getAffineX();
        BigInteger y = point.getAffineY();
        BigInteger left = y.modPow(BigInteger.TWO, p);
        BigInteger right = x.pow(3).add(curve.getCurve().getA().multiply(x)).add(curve.getCurve().getB()).mod(p);
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0 || !left.equals(right)) {
            throw new InvalidJwkException("EC point is not on P-256");
        }
    }

    private static String member(JsonObject jwk, String name) {
        String value = optionalMember(jwk, name);
        if (value == null || value.isEmpty()) {
            throw new InvalidJwkException("missing member " + name);
        }
        return value;
    }

    private static String optionalMember(JsonObject jwk, String name) {
        JsonValue value = jwk.get(name);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidJwkException("member " + name + " is not a string");
        }
        return ((JsonString) value).getString();
    }

    private static BigInteger unsigned(String base64url) {
        return new BigInteger(1, decode(base64url));
    }

    private static byte[] decode(String base64url) {
        return Base64Url.decode(base64url).orElseThrow(() -> new InvalidJwkException("member is not base64url"));
    }
}
