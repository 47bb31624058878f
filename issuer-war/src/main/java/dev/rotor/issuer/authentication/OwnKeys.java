package dev.rotor.issuer.authentication;

import dev.rotor.filter.protocol.InvalidJwkException;
import dev.rotor.filter.protocol.JsonWebKey;
import dev.rotor.filter.verification.JwksSource;
import dev.rotor.issuer.availability.RedisUnavailableException;
import dev.rotor.issuer.keys.control.JwksSnapshots;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The issuer's own JWKS, read in-process from the registry rather than over HTTP from itself. The registry has
 * already read each key record as hostile input ({@code PublishedKeyJson} parses its JWK), so the keys go to the
 * verifier as {@link JsonWebKey}s, not as a JWKS body to parse again; each published JWK is turned into a key once
 * and reused for as long as it stays published.
 */
final class OwnKeys implements JwksSource {

    private static final Duration MAX_AGE = Duration.ofSeconds(10);

    private final JwksSnapshots jwks;
    private volatile Map<JsonObject, JsonWebKey> known = Map.of();

    OwnKeys(JwksSnapshots jwks) {
        this.jwks = jwks;
    }

    @Override
    public CompletableFuture<Document> fetch() {
        try {
            byte[] body = jwks.jwks().toString().getBytes(StandardCharsets.UTF_8);
            return CompletableFuture.completedFuture(new Document(body, MAX_AGE));
        } catch (RedisUnavailableException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Keys> fetchKeys() {
        try {
            Map<JsonObject, JsonWebKey> previous = known;
            Map<JsonObject, JsonWebKey> current = new HashMap<>();
            List<JsonWebKey> keys = new ArrayList<>();
            for (JsonValue member : jwks.jwks().getJsonArray("keys")) {
                JsonObject jwk = member.asJsonObject();
                JsonWebKey key = previous.get(jwk);
                if (key == null) {
                    key = JsonWebKey.parse(jwk);
                }
                current.put(jwk, key);
                keys.add(key);
            }
            known = current;
            return CompletableFuture.completedFuture(new Keys(keys, MAX_AGE));
        } catch (RedisUnavailableException | InvalidJwkException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
