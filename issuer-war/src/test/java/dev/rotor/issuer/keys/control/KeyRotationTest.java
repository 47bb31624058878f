package dev.rotor.issuer.keys.control;

import dev.rotor.issuer.availability.RedisUnavailableException;
import dev.rotor.filter.protocol.JwsAlgorithm;
import dev.rotor.issuer.keys.entity.KeyStatus;
import dev.rotor.issuer.keys.entity.PublishedKey;
import dev.rotor.testsupport.MutableClock;
import dev.rotor.issuer.testbed.CleanRedis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.UnifiedJedis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
        registry = new RedisPublicKeyRegistry(client, "rotor:");
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
            public List<PublishedKey> live(Instant now) {
                return registry.live(now);
            }
        };
        KeyRotation rotation = rotationOf(ring, recording);

        rotation.rotate();
        String first = ring.active().kid();
        assertEquals("none", activeKidAtEachPublish.get(0), "the first key must be published before it is active");
        assertTrue(kidsAtEachPublish.get(0).contains(first));

        clock.advance(Duration.ofHours(1));
        int before = activeKidAtEachPublish.size();
        rotation.rotate();
        String second = ring.active().kid();
        assertNotEquals(first, second);
        assertEquals(first, activeKidAtEachPublish.get(before), "the old key signs while the new one is published");
        assertEquals(Set.of(second), kidsAtEachPublish.get(before));
        assertEquals(Set.of(first, second), liveKids());
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
        KeyMaintenance maintenance = new KeyMaintenance(rotation, clock);
        maintenance.tick();
        assertNotEquals(first, ring.active().kid());
        assertTrue(liveKids().contains(ring.active().kid()));
    }

    @Test
    void maintenanceBacksOffWhileRedisIsDownAndRepublishesWhenItReturns() {
        KeyRing ring = new KeyRing();
        KeyRotation rotation = rotationOf(ring, registry);
        KeyMaintenance maintenance = new KeyMaintenance(rotation, clock);
        assertEquals(Duration.ofSeconds(30), maintenance.tick(), "healthy: next run after one heartbeat");
        String kid = ring.active().kid();

        redis.server().stop();
        Duration firstRetry = maintenance.tick();
        Duration secondRetry = maintenance.tick();
        assertTrue(firstRetry.compareTo(Duration.ofSeconds(1)) < 0, "first retry is quick: " + firstRetry);
        assertEquals(firstRetry.multipliedBy(2), secondRetry, "retries back off exponentially");
        assertEquals(Duration.ofSeconds(30), maintenance.backoff(30), "backoff is capped at the heartbeat");

        redis.server().restart();
        assertTrue(liveKids().isEmpty(), "the restarted Redis is empty");
        maintenance.tick();
        assertEquals(Set.of(kid), liveKids(), "this instance's key is published again");
        assertEquals(kid, ring.active().kid());
    }

    @Test
    void maintenanceRecordsEveryRoundEvenWhileRedisIsDown() {
        KeyMaintenance maintenance = new KeyMaintenance(rotationOf(new KeyRing(), registry), clock);
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
        assertEquals(Set.of(ring.active().kid()), liveKids());
    }

    @Test
    void deadInstanceKeyDisappearsWhenItsLastTokenCanNoLongerBeValid() {
        KeyRing alive = new KeyRing();
        KeyRing dead = new KeyRing();
        KeyRotation aliveRotation = rotationOf(alive, registry);
        rotationOf(dead, registry).rotate();
        aliveRotation.rotate();
        Instant lastHeartbeatOfDead = clock.instant();
        assertEquals(Set.of(alive.active().kid(), dead.active().kid()), liveKids(), "N instances, N keys");

        Instant deadExpiry = LIFETIMES.activeExpiry(lastHeartbeatOfDead);
        clock.set(deadExpiry.minusSeconds(1));
        aliveRotation.renew();
        assertTrue(liveKids().contains(dead.active().kid()));

        clock.set(deadExpiry);
        aliveRotation.renew();
        assertEquals(Set.of(alive.active().kid()), liveKids());
    }

    @Test
    void everyKeyIsPublishedWithItsStatus() {
        KeyRing ring = new KeyRing();
        KeyRotation rotation = rotationOf(ring, registry);
        rotation.rotate();
        clock.advance(Duration.ofHours(1));
        rotation.rotate();
        List<PublishedKey> live = registry.live(clock.instant());
        assertEquals(2, live.size());
        PublishedKey active = live.stream().filter(k -> k.kid().equals(ring.active().kid())).findFirst().orElseThrow();
        PublishedKey retired = live.stream().filter(k -> !k.kid().equals(ring.active().kid())).findFirst().orElseThrow();
        assertEquals(KeyStatus.ACTIVE, active.status());
        assertEquals(KeyStatus.RETIRED, retired.status());
        assertEquals(clock.instant(), retired.retiredAt());
    }

    private Set<String> liveKids() {
        return registry.live(clock.instant()).stream().map(PublishedKey::kid).collect(Collectors.toSet());
    }
}
