package dev.rotor.issuer.keys.control;

import dev.rotor.filter.protocol.JsonWebKey;
import dev.rotor.filter.protocol.JwsAlgorithm;
import dev.rotor.issuer.keys.entity.KeyStatus;
import dev.rotor.issuer.keys.entity.PublicKeyInfo;
import dev.rotor.issuer.keys.entity.PublishedKey;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;

import java.io.StringReader;
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
        return json.build().toString();
    }

    static PublishedKey read(String text) {
        if (text.length() > MAX_RECORD_LENGTH) {
            throw new IllegalArgumentException("key record too long");
        }
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            json = reader.readObject();
        }
        JsonObject jwk = publicMembers(json.getJsonObject("jwk"));
        JsonWebKey parsed = JsonWebKey.parse(jwk);
        PublicKeyInfo info = new PublicKeyInfo(parsed.kid(), parsed.algorithm(), jwk,
                Instant.parse(json.getString("createdAt")));
        String retiredAt = json.getString("retiredAt", null);
        return new PublishedKey(info, KeyStatus.valueOf(json.getString("status")), instance(json.getString("instance", "")),
                retiredAt == null ? null : Instant.parse(retiredAt), Instant.parse(json.getString("expiresAt")));
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
