package dev.rotor.issuer.keys.control;

import dev.rotor.filter.redis.EpochMarkers;
import dev.rotor.filter.redis.RedisConnections;
import dev.rotor.issuer.availability.RedisCalls;
import dev.rotor.issuer.availability.RedisUnavailableException.Store;
import dev.rotor.issuer.configuration.IssuerConfig;
import dev.rotor.issuer.keys.entity.PublishedKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Every public key this instance has read from the registry, each until its expiry, and its own keys. A token signed
 * by a key whose instance has died exists only in the registry; if Redis loses its data (its {@link EpochMarkers}
 * say so), this instance gives the registry back its own keys and every other key it knows that has not expired,
 * with its remaining expiry, so such tokens stay verifiable. It checks at every heartbeat, and at once when a read
 * lacks a key that should still be there.
 */
@ApplicationScoped
public class KnownKeys {

    private static final Logger LOG = Logger.getLogger(KnownKeys.class.getName());

    private final PublicKeyRegistry registry;
    private final Supplier<List<PublishedKey>> own;
    private final BooleanSupplier lostData;
    private final Map<String, PublishedKey> seen = new HashMap<>();

    @Inject
    public KnownKeys(PublicKeyRegistry registry, KeyRotation rotation, RedisConnections redis, IssuerConfig config) {
        this(registry, rotation::publication, markers(redis, config));
    }

    /**
     * @param own      this instance's keys, as it publishes them now
     * @param lostData whether Redis lost its data since the last call
     */
    public KnownKeys(PublicKeyRegistry registry, Supplier<List<PublishedKey>> own, BooleanSupplier lostData) {
        this.registry = registry;
        this.own = own;
        this.lostData = lostData;
    }

    protected KnownKeys() {
        this(null, null, null);
    }

    /**
     * What the JWKS serves: {@code live}, what the registry holds at {@code now}, and this instance's own keys, which
     * are served even while the registry lacks them. If {@code live} lacks a key that has not expired, the registry
     * is repaired first if Redis lost its data, and read again.
     *
     * @throws dev.rotor.issuer.availability.RedisUnavailableException if a repair cannot reach Redis
     */
    public synchronized List<PublishedKey> serve(List<PublishedKey> live, Instant now) {
        List<PublishedKey> current = live;
        if (lacksKnownKey(current, now) && repairIfLost(now) > 0) {
            current = registry.live(now);
        }
        remember(current, now);
        Map<String, PublishedKey> served = new LinkedHashMap<>();
        current.forEach(key -> served.put(key.kid(), key));
        own.get().forEach(key -> served.putIfAbsent(key.kid(), key));
        return List.copyOf(served.values());
    }

    /**
     * The heartbeat's check: repairs the registry if Redis lost its data, then reads it.
     *
     * @throws dev.rotor.issuer.availability.RedisUnavailableException if Redis cannot be reached
     */
    public synchronized void check(Instant now) {
        repairIfLost(now);
        remember(registry.live(now), now);
    }

    private int repairIfLost(Instant now) {
        if (!lostData.getAsBoolean()) {
            return 0;
        }
        List<PublishedKey> mine = own.get();
        registry.publish(mine, now);
        List<PublishedKey> others = new ArrayList<>();
        seen.values().stream()
                .filter(key -> key.expiresAt().isAfter(now))
                .filter(key -> mine.stream().noneMatch(m -> m.kid().equals(key.kid())))
                .forEach(others::add);
        int restored = registry.restore(others, now);
        LOG.warning("ROTOR-K003 public-key registry lost its data: re-published this instance's " + mine.size()
                + " keys and gave back " + restored + " of " + others.size() + " other instances' unexpired keys");
        return mine.size() + restored;
    }

    private boolean lacksKnownKey(List<PublishedKey> live, Instant now) {
        return seen.values().stream().anyMatch(known -> known.expiresAt().isAfter(now)
                && live.stream().noneMatch(key -> key.kid().equals(known.kid())));
    }

    private void remember(List<PublishedKey> live, Instant now) {
        live.forEach(key -> seen.put(key.kid(), key));
        seen.values().removeIf(key -> !key.expiresAt().isAfter(now));
    }

    private static BooleanSupplier markers(RedisConnections redis, IssuerConfig config) {
        EpochMarkers markers = new EpochMarkers(redis, config.redisNames().epochMarker());
        return () -> RedisCalls.call(Store.KEYS, markers::lostDataSinceLastCheck);
    }
}
