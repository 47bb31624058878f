package dev.rotor.issuer.keys.control;

import dev.rotor.filter.protocol.ChannelMessage;
import dev.rotor.filter.protocol.JwsAlgorithm;
import dev.rotor.filter.protocol.KeyAnnouncement;
import dev.rotor.filter.redis.EpochMarkers;
import dev.rotor.issuer.availability.RedisCalls;
import dev.rotor.issuer.availability.RedisUnavailableException;
import dev.rotor.issuer.availability.RedisUnavailableException.Store;
import dev.rotor.issuer.keys.entity.PublishedKey;
import dev.rotor.issuer.testbed.CleanRedis;
import dev.rotor.testsupport.Await;
import dev.rotor.testsupport.MutableClock;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A token signed by a key whose instance has died exists only in the registry: after Redis restarts empty, a
 * surviving instance gives the registry back every unexpired key it knows, with its own expiry, and always serves its
 * own keys. Real redis-server without persistence.
 */
class KnownKeysTest {

    @RegisterExtension
    static final CleanRedis redis = new CleanRedis();

    private static final Duration RECOVERY = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    private final KeyLifetimes lifetimes = new KeyLifetimes(
            Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofSeconds(30));
    private RedisPublicKeyRegistry registry;
    private KeyRing dead;
    private KeyRotation deadRotation;
    private KeyRotation survivor;
    private KnownKeys known;

    @BeforeEach
    void twoInstancesPublishAndOneReadsTheOthersKeys() {
        registry = new RedisPublicKeyRegistry(redis.connections(), "rotor:");
        dead = new KeyRing();
        deadRotation = new KeyRotation(dead, registry, new KeyGenerator(JwsAlgorithm.RS256), lifetimes, clock);
        deadRotation.rotate();
        survivor = new KeyRotation(new KeyRing(), registry, new KeyGenerator(JwsAlgorithm.ES256), lifetimes, clock);
        survivor.rotate();
        EpochMarkers markers = new EpochMarkers(redis.connections(), "rotor:epoch");
        known = new KnownKeys(registry, survivor::publication,
                () -> RedisCalls.call(Store.KEYS, markers::lostDataSinceLastCheck));
        known.check(clock.instant());
    }

    @Test
    void aDeadInstancesKeysComeBackWithTheirOwnExpiryAfterRedisRestartsEmpty() {
        Map<String, Instant> before = expiries(registry.live(clock.instant()));
        clock.advance(Duration.ofMinutes(5));

        redis.server().restart();
        checkOnceRedisAnswers();

        Map<String, Instant> after = expiries(registry.live(clock.instant()));
        for (String kid : kidsOf(deadRotation)) {
            assertEquals(before.get(kid), after.get(kid), "not given back with its expiry: " + kid);
        }
        kidsOf(survivor).forEach(kid -> assertTrue(after.containsKey(kid), "own key not re-published: " + kid));
    }

    @Test
    void theFirstJwksReadAfterAWipeAlreadyServesTheDeadInstancesKeys() {
        JwksSnapshots snapshots = new JwksSnapshots(registry, known, Duration.ofMinutes(15), clock);
        snapshots.jwks();

        redis.client().flushAll();

        assertEquals(union(kidsOf(deadRotation), kidsOf(survivor)), kidsIn(snapshots.jwks()));
        assertTrue(expiries(registry.live(clock.instant())).keySet().containsAll(kidsOf(deadRotation)));
    }

    @Test
    void everyKeyGivenBackIsAnnouncedOnTheChannel() {
        List<String> announced = new CopyOnWriteArrayList<>();
        JedisPubSub listener = new JedisPubSub() {
            @Override
            public void onMessage(String channel, String message) {
                if (ChannelMessage.parse(message) instanceof KeyAnnouncement key) {
                    announced.add(key.kid());
                }
            }
        };
        Thread subscriber = new Thread(() -> {
            try (Jedis connection = redis.endpoint().connection(Duration.ofSeconds(30))) {
                connection.subscribe(listener, "rotor:revocations");
            }
        }, "announcements");
        subscriber.setDaemon(true);
        subscriber.start();
        Await.that(listener::isSubscribed, RECOVERY, () -> "not subscribed");

        redis.client().flushAll();
        known.check(clock.instant());

        Await.that(() -> Set.copyOf(announced).containsAll(union(kidsOf(deadRotation), kidsOf(survivor))), RECOVERY,
                announced::toString);
        listener.unsubscribe();
    }

    @Test
    void aKeyTheRegistryStillHoldsKeepsTheExpiryItsInstanceGaveIt() {
        redis.client().flushAll();
        clock.advance(Duration.ofMinutes(1));
        deadRotation.renew();
        Map<String, Instant> renewed = expiries(registry.live(clock.instant()));

        known.check(clock.instant());

        Map<String, Instant> after = expiries(registry.live(clock.instant()));
        for (String kid : kidsOf(deadRotation)) {
            assertEquals(renewed.get(kid), after.get(kid), kid);
            assertEquals(renewed.get(kid).toEpochMilli(), redis.client().zscore("rotor:{jwks}:expiry", kid),
                    "the registry's expiry of " + kid);
        }
    }

    @Test
    void anExpiredKeyIsNotGivenBack() {
        clock.advance(Duration.ofMinutes(17));
        survivor.renew();
        redis.client().flushAll();

        known.check(clock.instant());

        assertEquals(kidsOf(survivor), expiries(registry.live(clock.instant())).keySet());
    }

    @Test
    void ownKeysAreServedWhileTheRegistryLacksThemAndNoLossIsDetected() {
        KnownKeys unaware = new KnownKeys(registry, survivor::publication, () -> false);
        JwksSnapshots snapshots = new JwksSnapshots(registry, unaware, Duration.ofMinutes(15), clock);

        redis.client().flushAll();

        assertEquals(kidsOf(survivor), kidsIn(snapshots.jwks()));
    }

    private void checkOnceRedisAnswers() {
        Await.that(() -> {
            try {
                known.check(clock.instant());
                return true;
            } catch (RedisUnavailableException e) {
                return false;
            }
        }, RECOVERY, () -> "Redis never answered");
    }

    private static Set<String> kidsOf(KeyRotation rotation) {
        return rotation.publication().stream().map(PublishedKey::kid).collect(Collectors.toSet());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
    }

    private static Set<String> kidsIn(JsonObject jwks) {
        return jwks.getJsonArray("keys").getValuesAs(JsonObject.class).stream().map(key -> key.getString("kid"))
                .collect(Collectors.toSet());
    }

    private static Map<String, Instant> expiries(List<PublishedKey> keys) {
        return keys.stream().collect(Collectors.toMap(PublishedKey::kid, PublishedKey::expiresAt, (a, b) -> a));
    }
}
