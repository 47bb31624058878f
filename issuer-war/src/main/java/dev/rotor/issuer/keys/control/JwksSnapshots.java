package dev.rotor.issuer.keys.control;

import dev.rotor.issuer.availability.RedisUnavailableException;
import dev.rotor.issuer.configuration.IssuerConfig;
import dev.rotor.issuer.keys.entity.PublishedKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The JWKS: the union of every live instance's public keys, read from the registry, and always this instance's own
 * ({@link KnownKeys}, which also repairs a registry that lost its data). When Redis cannot be read, the
 * last snapshot is served while it is younger than one access-token lifetime; after that the caller gets the error.
 */
@ApplicationScoped
public class JwksSnapshots {

    private final PublicKeyRegistry registry;
    private final KnownKeys known;
    private final Clock clock;
    private final Duration maxStaleness;
    private volatile Snapshot last;

    @Inject
    public JwksSnapshots(PublicKeyRegistry registry, KnownKeys known, IssuerConfig config, Clock clock) {
        this(registry, known, config.accessTtl(), clock);
    }

    JwksSnapshots(PublicKeyRegistry registry, KnownKeys known, Duration maxStaleness, Clock clock) {
        this.registry = registry;
        this.known = known;
        this.maxStaleness = maxStaleness;
        this.clock = clock;
    }

    protected JwksSnapshots() {
        this(null, null, (Duration) null, null);
    }

    /**
     * @throws RedisUnavailableException when Redis is unreachable and there is no recent snapshot
     */
    public JsonObject jwks() {
        Instant now = clock.instant();
        try {
            JsonObject jwks = toJwks(known.serve(registry.live(now), now));
            last = new Snapshot(jwks, now);
            return jwks;
        } catch (RedisUnavailableException e) {
            Snapshot snapshot = last;
            if (snapshot != null && snapshot.takenAt().plus(maxStaleness).isAfter(now)) {
                return snapshot.jwks();
            }
            throw e;
        }
    }

    private static JsonObject toJwks(List<PublishedKey> keys) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        keys.forEach(key -> array.add(key.key().jwk()));
        return Json.createObjectBuilder().add("keys", array).build();
    }

    private record Snapshot(JsonObject jwks, Instant takenAt) {
    }
}
