package dev.rotor.filter.verification;

import dev.rotor.filter.protocol.InvalidJwkException;
import dev.rotor.filter.protocol.JsonWebKey;
import dev.rotor.filter.protocol.UntrustedJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The usable keys of one JWKS response, by {@code kid}, and how long the issuer allows it to be cached.
 *
 * @param keys   every member that {@link JsonWebKey#parse} accepted; members with a duplicated kid are dropped
 * @param maxAge how long the response may be cached
 */
record JwksDocument(Map<String, JsonWebKey> keys, Duration maxAge) {

    private static final Logger LOG = Logger.getLogger(JwksDocument.class.getName());
    private static final int MAX_DEPTH = 8;

    JwksDocument {
        keys = Map.copyOf(keys);
    }

    /** @return the document, or empty if {@code body} is not a JWKS at all */
    static Optional<JwksDocument> parse(byte[] body, Duration maxAge) {
        Optional<JsonObject> json = jsonObject(body);
        if (json.isEmpty() || json.get().get("keys") == null
                || json.get().get("keys").getValueType() != JsonValue.ValueType.ARRAY) {
            return Optional.empty();
        }
        Map<String, JsonWebKey> keys = new HashMap<>();
        Set<String> duplicated = new HashSet<>();
        for (JsonValue member : json.get().getJsonArray("keys")) {
            if (member.getValueType() != JsonValue.ValueType.OBJECT) {
                continue;
            }
            try {
                JsonWebKey key = JsonWebKey.parse(member.asJsonObject());
                if (keys.putIfAbsent(key.kid(), key) != null) {
                    duplicated.add(key.kid());
                }
            } catch (InvalidJwkException e) {
                LOG.warning(() -> "ROTOR-V121 skipped a JWKS member: " + e.getMessage());
            }
        }
        if (!duplicated.isEmpty()) {
            LOG.warning(() -> "ROTOR-V122 dropped " + duplicated.size() + " JWKS kid(s) that appear more than once");
            keys.keySet().removeAll(duplicated);
        }
        return Optional.of(new JwksDocument(keys, maxAge));
    }

    private static Optional<JsonObject> jsonObject(byte[] body) {
        return StrictUtf8.decode(body).flatMap(json -> UntrustedJson.readObject(json, MAX_DEPTH));
    }
}
