package dev.rotor.issuer.keys.control;

import dev.rotor.issuer.availability.RedisUnavailableException;
import dev.rotor.filter.protocol.JwsAlgorithm;
import dev.rotor.testsupport.MutableClock;
import dev.rotor.issuer.testbed.CleanRedis;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.UnifiedJedis;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JwksSnapshotsTest {

    @RegisterExtension
    static final CleanRedis redis = new CleanRedis();

    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "k", "oth");

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    private final KeyLifetimes lifetimes = new KeyLifetimes(
            Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofSeconds(30));
    private UnifiedJedis client;
    private RedisPublicKeyRegistry registry;

    @BeforeEach
    void connect() {
        client = redis.client();
        registry = new RedisPublicKeyRegistry(redis.connections(), "rotor:");
    }


    @Test
    void jwksListsEveryInstanceKeyWithoutPrivateMembers() {
        KeyRing first = publishedRing(JwsAlgorithm.RS256);
        KeyRing second = publishedRing(JwsAlgorithm.ES256);

        JsonObject jwks = snapshots().jwks();
        assertEquals(Set.of(first.active().kid(), first.next().orElseThrow().kid(), second.active().kid(),
                        second.next().orElseThrow().kid()),
                Set.copyOf(jwks.getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                        .map(key -> key.getString("kid")).toList()));
        for (JsonObject key : jwks.getJsonArray("keys").getValuesAs(JsonObject.class)) {
            assertEquals("sig", key.getString("use"));
            assertTrue(key.keySet().stream().noneMatch(PRIVATE_MEMBERS::contains), key.toString());
        }
    }

    @Test
    void privateMembersPlantedInRedisAreNeverServed() {
        KeyRing ring = publishedRing(JwsAlgorithm.RS256);
        String field = ring.active().kid();
        String record = client.hget("rotor:{jwks}:keys", field);
        client.hset("rotor:{jwks}:keys", field, record.replace("\"kty\"", "\"d\":\"c2VjcmV0\",\"kty\""));

        JsonObject jwks = snapshots().jwks();
        JsonObject key = jwks.getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .filter(member -> member.getString("kid").equals(field)).findFirst().orElseThrow();
        assertTrue(key.keySet().stream().noneMatch(PRIVATE_MEMBERS::contains), key.toString());
    }

    @Test
    void malformedRecordsInRedisAreSkipped() {
        KeyRing ring = publishedRing(JwsAlgorithm.RS256);
        client.zadd("rotor:{jwks}:expiry", clock.instant().plusSeconds(600).toEpochMilli(), "junk");
        client.hset("rotor:{jwks}:keys", "junk", "{\"jwk\":[1,2,3]");

        JsonObject jwks = snapshots().jwks();
        assertEquals(Set.of(ring.active().kid(), ring.next().orElseThrow().kid()),
                Set.copyOf(jwks.getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                        .map(key -> key.getString("kid")).toList()), "the junk record is not among them");
    }

    @Test
    void everyRedisEntryHasATtl() {
        publishedRing(JwsAlgorithm.RS256);
        assertTrue(client.pttl("rotor:{jwks}:keys") > 0);
        assertTrue(client.pttl("rotor:{jwks}:expiry") > 0);
    }

    @Test
    void recentSnapshotIsServedWhileRedisIsDownThenTheErrorSurfaces() {
        KeyRing ring = publishedRing(JwsAlgorithm.RS256);
        JwksSnapshots snapshots = snapshots();
        JsonObject before = snapshots.jwks();

        redis.server().stop();
        clock.advance(Duration.ofMinutes(14));
        assertEquals(before, snapshots.jwks());
        clock.advance(Duration.ofMinutes(1));
        assertThrows(RedisUnavailableException.class, snapshots::jwks);
        assertTrue(before.getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .anyMatch(key -> key.getString("kid").equals(ring.active().kid())));
    }

    @Test
    void withoutAnySnapshotAnUnreachableRedisIsAnError() {
        redis.server().stop();
        JwksSnapshots snapshots = snapshots();
        assertThrows(RedisUnavailableException.class, snapshots::jwks);
    }

    private JwksSnapshots snapshots() {
        return new JwksSnapshots(registry, new KnownKeys(registry, List::of, () -> false), Duration.ofMinutes(15),
                clock);
    }

    private KeyRing publishedRing(JwsAlgorithm algorithm) {
        KeyRing ring = new KeyRing();
        new KeyRotation(ring, registry, new KeyGenerator(algorithm), lifetimes, clock).rotate();
        return ring;
    }
}
