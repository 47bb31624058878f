package dev.rotor.issuer.keys.control;

import dev.rotor.filter.protocol.JsonWebKey;
import dev.rotor.filter.protocol.JwsAlgorithm;
import dev.rotor.filter.protocol.UntrustedJson;
import dev.rotor.issuer.keys.entity.KeyStatus;
import dev.rotor.issuer.keys.entity.PublicKeyInfo;
import dev.rotor.issuer.keys.entity.PublishedKey;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The JSON of a key record in Redis. Reading treats Redis content as hostile: the JWK must parse as a public
 * verification key, and only the public members that RFC 7518 defines are kept.
 */
final class PublishedKeyJson {

    private static final Set<String> PUBLIC_MEMBERS = Set.of("kty", "kid", "use", "alg", "n", "e", "crv", "x", "y");
    private static final int MAX_RECORD_LENGTH = 8192;
    private static final Pattern INSTANCE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int MAX_DEPTH = 3;
    /** Far above any configurable access-token lifetime; a longer one in Redis is not believed. */
    private static final Duration MAX_TOKEN_LIFETIME = Duration.ofDays(1);

    private PublishedKeyJson() {
    }

    static String write(PublishedKey key) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("jwk", key.key().jwk())
                .add("status", key.status().name())
                .add("instance", key.instance())
                .add("createdAt", key.key().createdAt().toString())
                .add("expiresAt", key.expiresAt().toString());
        if (key.retiredAt() != null) {
            json.add("retiredAt", key.retiredAt().toString());
        }
        if (key.tokenLifetime() != null) {
            json.add("tokenLifetimeMillis", key.tokenLifetime().toMillis());
        }
        return json.build().toString();
    }

    static PublishedKey read(String text) {
        if (text.length() > MAX_RECORD_LENGTH) {
            throw new IllegalArgumentException("key record too long");
        }
        JsonObject json = UntrustedJson.readObject(text, MAX_DEPTH)
                .orElseThrow(() -> new IllegalArgumentException("key record is not one JSON object"));
        JsonObject jwk = publicMembers(json.getJsonObject("jwk"));
        JsonWebKey parsed = JsonWebKey.parse(jwk);
        PublicKeyInfo info = new PublicKeyInfo(parsed.kid(), parsed.algorithm(), jwk,
                Instant.parse(json.getString("createdAt")));
        String retiredAt = json.getString("retiredAt", null);
        return new PublishedKey(info, KeyStatus.valueOf(json.getString("status")), instance(json.getString("instance", "")),
                retiredAt == null ? null : Instant.parse(retiredAt), Instant.parse(json.getString("expiresAt")),
                tokenLifetime(json));
    }

    /** Absent, or not a positive number of milliseconds of at most a day, is unknown. */
    private static Duration tokenLifetime(JsonObject json) {
        JsonValue value = json.get("tokenLifetimeMillis");
        if (value instanceof JsonNumber number && number.isIntegral()) {
            long millis = number.longValue();
            if (millis > 0 && millis <= MAX_TOKEN_LIFETIME.toMillis()) {
                return Duration.ofMillis(millis);
            }
        }
        return null;
    }

    /** Redis content is input: an instance id that is not ours in shape is shown as unknown. */
    private static String instance(String text) {
        return INSTANCE.matcher(text).matches() ? text : "";
    }

    private static JsonObject publicMembers(JsonObject jwk) {
        JsonObjectBuilder kept = Json.createObjectBuilder();
        jwk.forEach((name, value) -> {
            if (PUBLIC_MEMBERS.contains(name)) {
                kept.add(name, value);
            }
        });
        return kept.build();
    }
}
