package dev.rotor.issuer.keys.control;

import dev.rotor.filter.protocol.JwsAlgorithm;
import dev.rotor.filter.protocol.KeyAnnouncement;
import dev.rotor.issuer.availability.RedisUnavailableException;
import dev.rotor.issuer.keys.entity.KeyStatus;
import dev.rotor.issuer.keys.entity.PublishedKey;
import dev.rotor.issuer.testbed.CleanRedis;
import dev.rotor.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyRotationTest {

    @RegisterExtension
    static final CleanRedis redis = new CleanRedis();

    private static final KeyLifetimes LIFETIMES = new KeyLifetimes(
            Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofSeconds(30));

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    private UnifiedJedis client;
    private RedisPublicKeyRegistry registry;

    @BeforeEach
    void connect() {
        client = redis.client();
        registry = new RedisPublicKeyRegistry(redis.connections(), "rotor:");
    }


    private KeyMaintenance maintenanceOf(KeyRotation rotation) {
        return new KeyMaintenance(rotation, new KnownKeys(registry, rotation::publication, () -> false), clock);
    }

    private KeyRotation rotationOf(KeyRing ring, PublicKeyRegistry registry) {
        return new KeyRotation(ring, registry, new KeyGenerator(JwsAlgorithm.RS256), LIFETIMES, clock);
    }

    @Test
    void newKeyIsPublishedBeforeItSigns() {
        KeyRing ring = new KeyRing();
        List<String> activeKidAtEachPublish = new ArrayList<>();
        List<Set<String>> kidsAtEachPublish = new ArrayList<>();
        PublicKeyRegistry recording = new PublicKeyRegistry() {
            @Override
            public void publish(List<PublishedKey> keys, Instant now) {
                activeKidAtEachPublish.add(ring.current().map(key -> key.kid()).orElse("none"));
                kidsAtEachPublish.add(keys.stream().map(PublishedKey::kid).collect(Collectors.toSet()));
                registry.publish(keys, now);
            }

            @Override
            public int restore(List<PublishedKey> keys, Instant now) {
                return registry.restore(keys, now);
            }

            @Override
            public List<PublishedKey> live(Instant now) {
                return registry.live(now);
            }
        };
        KeyRotation rotation = rotationOf(ring, recording);

        rotation.rotate();
        String first = ring.active().kid();
        String second = ring.next().orElseThrow().kid();
        assertEquals("none", activeKidAtEachPublish.get(0), "the first key must be published before it is active");
        assertEquals(Set.of(first, second), kidsAtEachPublish.get(0), "and the next key with it");

        clock.advance(Duration.ofHours(1));
        int before = activeKidAtEachPublish.size();
        rotation.rotate();
        assertEquals(second, ring.active().kid(), "the key published a rotation ago signs now");
        String third = ring.next().orElseThrow().kid();
        assertEquals(first, activeKidAtEachPublish.get(before), "the old key signs while the new one is published");
        assertTrue(kidsAtEachPublish.get(before).containsAll(Set.of(second, third)));
        assertEquals(Set.of(first, second, third), liveKids());
    }

    @Test
    void failedPublishKeepsTheCurrentKeySigningAndRetryRotates() {
        KeyRing ring = new KeyRing();
        KeyRotation rotation = rotationOf(ring, registry);
        rotation.rotate();
        String first = ring.active().kid();
        clock.advance(Duration.ofHours(2));

        redis.server().stop();
        assertThrows(RedisUnavailableException.class, rotation::rotate);
        assertEquals(first, ring.active().kid(), "an unpublished key must never sign");
        assertTrue(rotation.rotationDue(), "the rotation is still due, so it is retried");

        redis.server().restart();
        KeyMaintenance maintenance = maintenanceOf(rotation);
        maintenance.tick();
        assertNotEquals(first, ring.active().kid());
        assertTrue(liveKids().contains(ring.active().kid()));
    }

    @Test
    void maintenanceBacksOffWhileRedisIsDownAndRepublishesWhenItReturns() {
        KeyRing ring = new KeyRing();
        KeyRotation rotation = rotationOf(ring, registry);
        KeyMaintenance maintenance = maintenanceOf(rotation);
        assertEquals(Duration.ofSeconds(30), maintenance.tick(), "healthy: next run after one heartbeat");
        String kid = ring.active().kid();

        redis.server().stop();
        Duration firstRetry = maintenance.tick();
        Duration secondRetry = maintenance.tick();
        assertTrue(firstRetry.compareTo(Duration.ofSeconds(1)) < 0, "first retry is quick: " + firstRetry);
        assertEquals(firstRetry.multipliedBy(2), secondRetry, "retries back off exponentially");
        assertEquals(Duration.ofSeconds(2), maintenance.backoff(30), "retries stay frequent, so recovery is quick");

        redis.server().restart();
        assertTrue(liveKids().isEmpty(), "the restarted Redis is empty");
        maintenance.tick();
        assertEquals(Set.of(kid, ring.next().orElseThrow().kid()), liveKids(), "this instance's keys are published again");
        assertEquals(kid, ring.active().kid());
    }

    @Test
    void maintenanceRecordsEveryRoundEvenWhileRedisIsDown() {
        KeyMaintenance maintenance = maintenanceOf(rotationOf(new KeyRing(), registry));
        assertTrue(maintenance.lastRound().isEmpty());
        maintenance.tick();
        assertEquals(clock.instant(), maintenance.lastRound().orElseThrow());

        redis.server().stop();
        clock.advance(Duration.ofSeconds(5));
        maintenance.tick();
        assertEquals(clock.instant(), maintenance.lastRound().orElseThrow(), "a failed round is still a round");
    }

    @Test
    void retiredKeyStaysPublishedUntilItsLastTokenCanExpire() {
        KeyRing ring = new KeyRing();
        KeyRotation rotation = rotationOf(ring, registry);
        rotation.rotate();
        String retired = ring.active().kid();
        clock.advance(Duration.ofHours(1));
        rotation.rotate();
        Instant retiredAt = clock.instant();

        clock.set(retiredAt.plus(Duration.ofMinutes(15)).plusSeconds(29));
        rotation.renew();
        assertTrue(liveKids().contains(retired), "still within access TTL + leeway");

        clock.set(retiredAt.plus(Duration.ofMinutes(15)).plusSeconds(30));
        rotation.renew();
        assertFalse(liveKids().contains(retired), "gone once no token it signed can be valid");
        assertEquals(Set.of(ring.active().kid(), ring.next().orElseThrow().kid()), liveKids());
    }

    @Test
    void deadInstanceKeyDisappearsWhenItsLastTokenCanNoLongerBeValid() {
        KeyRing alive = new KeyRing();
        KeyRing dead = new KeyRing();
        KeyRotation aliveRotation = rotationOf(alive, registry);
        rotationOf(dead, registry).rotate();
        aliveRotation.rotate();
        Instant lastHeartbeatOfDead = clock.instant();
        assertEquals(Set.of(alive.active().kid(), alive.next().orElseThrow().kid(), dead.active().kid(),
                dead.next().orElseThrow().kid()), liveKids(), "N instances, N signing keys and N next keys");

        Instant deadExpiry = LIFETIMES.activeExpiry(lastHeartbeatOfDead);
        clock.set(deadExpiry.minusSeconds(1));
        aliveRotation.renew();
        assertTrue(liveKids().contains(dead.active().kid()));

        clock.set(deadExpiry);
        aliveRotation.renew();
        assertEquals(Set.of(alive.active().kid(), alive.next().orElseThrow().kid()), liveKids());
    }

    @Test
    void everyKeyIsPublishedWithItsStatus() {
        KeyRing ring = new KeyRing();
        KeyRotation rotation = rotationOf(ring, registry);
        rotation.rotate();
        clock.advance(Duration.ofHours(1));
        rotation.rotate();
        List<PublishedKey> live = registry.live(clock.instant());
        assertEquals(3, live.size());
        assertEquals(KeyStatus.ACTIVE, statusOf(live, ring.active().kid()).status());
        assertEquals(KeyStatus.NEXT, statusOf(live, ring.next().orElseThrow().kid()).status());
        PublishedKey retired = live.stream().filter(k -> k.status() == KeyStatus.RETIRED).findFirst().orElseThrow();
        assertEquals(clock.instant(), retired.retiredAt());
        assertTrue(live.stream().allMatch(k -> k.instance().equals(ring.instance())), "each key names its instance");
    }

    @Test
    void everyKeyTheRegistryDidNotHoldIsAnnouncedOnTheChannelOnce() throws InterruptedException {
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        CountDownLatch subscribed = new CountDownLatch(1);
        JedisPubSub listener = new JedisPubSub() {
            @Override
            public void onSubscribe(String channel, int subscriptions) {
                subscribed.countDown();
            }

            @Override
            public void onMessage(String channel, String message) {
                heard.add(message);
            }
        };
        Thread subscriber = new Thread(() -> {
            try (Jedis connection = redis.endpoint().connection(Duration.ofSeconds(5))) {
                connection.subscribe(listener, "rotor:revocations");
            }
        });
        subscriber.start();
        assertTrue(subscribed.await(5, TimeUnit.SECONDS));
        KeyRing ring = new KeyRing();
        KeyRotation rotation = rotationOf(ring, registry);

        rotation.rotate();
        String first = ring.active().kid();
        String second = ring.next().orElseThrow().kid();
        rotation.renew();
        clock.advance(Duration.ofHours(1));
        rotation.rotate();
        String third = ring.next().orElseThrow().kid();
        client.flushAll();
        rotation.renew();

        List<String> announced = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String message = heard.poll(5, TimeUnit.SECONDS);
            assertTrue(message != null, "announcements so far: " + announced);
            announced.add(new KeyAnnouncement(message.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1")).toJson());
            assertEquals(message, announced.get(i), "the announcement format");
        }
        listener.unsubscribe();
        subscriber.join(5000);
        assertEquals(List.of(first, second, third).stream().map(kid -> new KeyAnnouncement(kid).toJson()).toList(),
                announced.subList(0, 3), "two keys at the first rotation, the new next key at the second");
        assertEquals(Set.copyOf(announced.subList(0, 3)), Set.copyOf(announced.subList(3, 6)),
                "after Redis lost its data, every live key again");
        assertTrue(heard.isEmpty(), "a renewal of keys the registry holds announces nothing");
    }

    private static PublishedKey statusOf(List<PublishedKey> live, String kid) {
        return live.stream().filter(k -> k.kid().equals(kid)).findFirst().orElseThrow();
    }

    private Set<String> liveKids() {
        return registry.live(clock.instant()).stream().map(PublishedKey::kid).collect(Collectors.toSet());
    }
}
