package dev.rotor.issuer.operations.boundary;

import dev.rotor.issuer.availability.RedisUnavailableException;
import dev.rotor.filter.configuration.Settings;
import dev.rotor.issuer.configuration.IssuerConfig;
import dev.rotor.issuer.keys.control.KeyRing;
import dev.rotor.issuer.keys.control.KeyRotation;
import dev.rotor.issuer.keys.control.KeySettings;
import dev.rotor.issuer.keys.control.RedisPublicKeyRegistry;
import dev.rotor.testsupport.MutableClock;
import dev.rotor.issuer.testbed.CleanRedis;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.UnifiedJedis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Readiness needs both a reachable Redis and a published signing key, and follows Redis down and back up. */
class ReadinessTest {

    @RegisterExtension
    static final CleanRedis redis = new CleanRedis();

    private static final IssuerConfig CONFIG = IssuerConfig.from(Settings.from(key -> Optional.ofNullable(
            Map.of("rotor.issuer", "https://issuer.example").get(key))));

    private final MutableClock clock = MutableClock.atFixedInstant();
    private final KeyRing ring = new KeyRing();
    private UnifiedJedis client;
    private KeyRotation rotation;
    private List<HealthCheck> readiness;

    @BeforeEach
    void connect() {
        client = redis.client();
        rotation = new KeyRotation(ring, new RedisPublicKeyRegistry(redis.connections(), CONFIG),
                KeySettings.from(Settings.from(key -> Optional.empty()), CONFIG), CONFIG, clock);
        readiness = List.of(new RedisReadiness(redis.connections()), new SigningKeyReadiness(ring, clock));
    }


    @Test
    void readyWithRedisAndAPublishedKey() {
        rotation.rotate();
        clock.advance(Duration.ofSeconds(90));

        assertEquals(Status.UP, overall());
        HealthCheckResponse key = new SigningKeyReadiness(ring, clock).call();
        Map<String, Object> data = key.getData().orElseThrow();
        assertEquals(ring.active().kid(), data.get("kid"));
        assertEquals("RS256", data.get("alg"));
        assertEquals(90L, data.get("ageSeconds"));
        assertEquals(Status.UP, new RedisReadiness(redis.connections()).call().getStatus());
    }

    @Test
    void notReadyWithoutAPublishedKey() {
        assertEquals(Status.UP, new RedisReadiness(redis.connections()).call().getStatus());
        assertEquals(Status.DOWN, new SigningKeyReadiness(ring, clock).call().getStatus());
        assertEquals(Status.DOWN, overall());
    }

    @Test
    void aKeyThatCouldNotBePublishedDoesNotMakeTheInstanceReady() {
        redis.server().stop();
        assertThrows(RedisUnavailableException.class, rotation::rotate);
        assertTrue(ring.current().isEmpty());
        assertEquals(Status.DOWN, new SigningKeyReadiness(ring, clock).call().getStatus());
    }

    @Test
    void notReadyWhileRedisIsDownAndReadyAgainAfterItRestarts() {
        rotation.rotate();
        assertEquals(Status.UP, overall());

        redis.server().stop();
        HealthCheckResponse down = new RedisReadiness(redis.connections()).call();
        assertEquals(Status.DOWN, down.getStatus());
        assertEquals(Status.DOWN, overall());
        assertEquals(Status.UP, new SigningKeyReadiness(ring, clock).call().getStatus(), "the key is still there");

        redis.server().restart();
        assertTrue(becomesReady(Duration.ofSeconds(10)), "ready again once Redis answers");
    }

    @Test
    void healthDataNamesTheFailureButNoAddressOrCredential() {
        redis.server().stop();
        Map<String, Object> data = new RedisReadiness(redis.connections()).call().getData().orElseThrow();
        String text = data.toString();
        assertTrue(String.valueOf(data.get("error")).startsWith("Jedis"), text);
        assertFalse(text.contains(Integer.toString(redis.server().port())), text);
        assertFalse(text.contains("127.0.0.1"), text);
    }

    private Status overall() {
        return readiness.stream().allMatch(check -> check.call().getStatus() == Status.UP) ? Status.UP : Status.DOWN;
    }

    /** A pooled connection broken by the restart may fail one PING; a readiness probe simply asks again. */
    private boolean becomesReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (overall() == Status.UP) {
                return true;
            }
            sleep();
        }
        return overall() == Status.UP;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
