package dev.rotor.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Reads the header and claims of a compact JWS the issuer handed out, without verifying it: test-side only. */
public final class TokenParts {

    private TokenParts() {
    }

    public static String kid(String token) {
        return part(token, 0).getString("kid");
    }

    /** The session id, which a revocation of the token blacklists as {@code {prefix}revoked:rid:{rid}}. */
    public static String rid(String token) {
        return part(token, 1).getString("rid");
    }

    public static Instant expiresAt(String token) {
        return Instant.ofEpochSecond(part(token, 1).getJsonNumber("exp").longValue());
    }

    /** A string claim, such as {@code rid}. */
    public static String claim(String token, String name) {
        return part(token, 1).getString(name);
    }

    private static JsonObject part(String token, int index) {
        String json = new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8);
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
