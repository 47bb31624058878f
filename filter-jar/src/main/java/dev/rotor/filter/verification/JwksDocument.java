package dev.rotor.filter.verification;

import dev.rotor.filter.protocol.InvalidJwkException;
import dev.rotor.filter.protocol.JsonWebKey;
import dev.rotor.filter.protocol.UntrustedJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
        Optional<JsonObject> json = StrictUtf8.decode(body).flatMap(text -> UntrustedJson.readObject(text, MAX_DEPTH));
        if (json.isEmpty() || json.get().get("keys") == null
                || json.get().get("keys").getValueType() != JsonValue.ValueType.ARRAY) {
            return Optional.empty();
        }
        List<JsonWebKey> keys = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (JsonValue member : json.get().getJsonArray("keys")) {
            if (member.getValueType() != JsonValue.ValueType.OBJECT) {
                skipped.add("not an object");
                continue;
            }
            try {
                keys.add(JsonWebKey.parse(member.asJsonObject()));
            } catch (InvalidJwkException e) {
                skipped.add(e.getMessage());
            }
        }
        if (!skipped.isEmpty()) {
            LOG.warning(() -> "ROTOR-V121 skipped " + skipped.size() + " JWKS member(s): "
                    + String.join("; ", new HashSet<>(skipped)));
        }
        return Optional.of(of(keys, maxAge));
    }

    /** The keys by kid; a kid that appears more than once is dropped, since no one can tell which key it means. */
    static JwksDocument of(Collection<JsonWebKey> members, Duration maxAge) {
        Map<String, JsonWebKey> keys = new HashMap<>();
        Set<String> duplicated = new HashSet<>();
        for (JsonWebKey key : members) {
            if (keys.putIfAbsent(key.kid(), key) != null) {
                duplicated.add(key.kid());
            }
        }
        if (!duplicated.isEmpty()) {
            LOG.warning(() -> "ROTOR-V122 dropped " + duplicated.size() + " JWKS kid(s) that appear more than once");
            keys.keySet().removeAll(duplicated);
        }
        return new JwksDocument(keys, maxAge);
    }
}
