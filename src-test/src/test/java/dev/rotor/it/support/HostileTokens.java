package dev.rotor.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.function.UnaryOperator;

/** Respellings of a genuine token, as an attacker who holds one (and the public JWKS, no private key) makes them. */
public final class HostileTokens {

    private HostileTokens() {
    }

    public static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String[] segments(String token) {
        return token.split("\\.", -1);
    }

    public static JsonObject header(String token) {
        return json(new String(Base64.getUrlDecoder().decode(segments(token)[0]), StandardCharsets.UTF_8));
    }

    public static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** The same claims and signature under a changed header. */
    public static String withHeader(String token, UnaryOperator<JsonObjectBuilder> change) {
        String[] parts = segments(token);
        return b64(change.apply(Json.createObjectBuilder(header(token))).build().toString()) + "." + parts[1] + "."
                + parts[2];
    }

    /** The header's raw JSON text replaced, claims and signature kept. */
    public static String withRawHeader(String token, String headerJson) {
        String[] parts = segments(token);
        return b64(headerJson) + "." + parts[1] + "." + parts[2];
    }

    public static String withSignature(String token, String signature) {
        String[] parts = segments(token);
        return parts[0] + "." + parts[1] + "." + signature;
    }

    /** Header and claims of {@code token} with {@code alg} set, HMAC-signed with {@code key}. */
    public static String hmacSigned(String token, String alg, byte[] key) {
        String input = withHeader(token, h -> h.add("alg", alg));
        input = input.substring(0, input.lastIndexOf('.'));
        String mac = "Hmac" + alg.replace("HS", "SHA");
        try {
            Mac hmac = Mac.getInstance(mac);
            // HMAC pads a key with zeros to its block size: one zero byte is the empty key, which SecretKeySpec refuses
            hmac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, mac));
            return input + "." + b64(hmac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One bit of the signature flipped, in its middle character: the same length, one bit different. */
    public static String flippedBit(String token) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        String signature = segments(token)[2];
        int middle = signature.length() / 2;
        char flipped = alphabet.charAt(alphabet.indexOf(signature.charAt(middle)) ^ 1);
        return withSignature(token, signature.substring(0, middle) + flipped + signature.substring(middle + 1));
    }
}
