package dev.rotor.issuer.revocation.control;

import dev.rotor.filter.configuration.RedisEndpoint;
import dev.rotor.filter.protocol.RedisNames;
import dev.rotor.filter.protocol.RevocationEvent;
import dev.rotor.filter.redis.RedisConnections;
import dev.rotor.issuer.availability.RedisUnavailableException;
import dev.rotor.testsupport.RedisFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RevocationPublisherTest {

    @RegisterExtension
    static final RedisFixture redis = RedisFixture.start();

    private static final RedisNames NAMES = new RedisNames("pub:");
    private final RedisConnections connections = RedisEndpoint.loopback(redis.port()).connect();
    private final UnifiedJedis client = connections.client();
    private final RevocationPublisher publisher = new RevocationPublisher(connections, NAMES, Clock.systemUTC());

    @AfterEach
    void closeClient() {
        connections.close();
    }

    @Test
    void writesTheKeyWithATtlAndPublishesTheEvent() throws InterruptedException {
        BlockingQueue<String> received = new ArrayBlockingQueue<>(4);
        CountDownLatch subscribed = new CountDownLatch(1);
        JedisPubSub listener = new JedisPubSub() {
            @Override
            public void onSubscribe(String channel, int count) {
                subscribed.countDown();
            }

            @Override
            public void onMessage(String channel, String message) {
                received.add(message);
            }
        };
        Thread thread = new Thread(() -> {
            try (Jedis jedis = RedisEndpoint.loopback(redis.port()).connection(Duration.ofSeconds(2))) {
                jedis.subscribe(listener, NAMES.revocationChannel());
            }
        });
        thread.start();
        assertTrue(subscribed.await(2, TimeUnit.SECONDS));
        var event = RevocationEvent.rid("session-1", Instant.now().plusSeconds(60));

        publisher.publish(event);

        assertEquals(event, RevocationEvent.parse(received.poll(2, TimeUnit.SECONDS)));
        assertEquals("1", client.get("pub:revoked:rid:session-1"));
        long ttl = client.pttl("pub:revoked:rid:session-1");
        assertTrue(ttl > 0 && ttl <= 60_000, "PTTL " + ttl);
        listener.unsubscribe();
        thread.join(2000);
    }

    @Test
    void aSubjectKeyHoldsItsNotBeforeInEpochSeconds() {
        Instant notBefore = Instant.now();
        var event = RevocationEvent.subject("alice", notBefore, notBefore.plusSeconds(60));

        publisher.publish(event);

        assertEquals(Long.toString(event.notBefore().getEpochSecond()), client.get("pub:revoked:sub:alice"));
    }

    @Test
    void anAlreadyExpiredEventWritesNothing() {
        publisher.publish(RevocationEvent.jti("old", Instant.now().minusSeconds(1)));

        assertFalse(client.exists("pub:revoked:jti:old"));
    }

    @Test
    void anUnreachableRedisIsReportedAsUnavailable() {
        try (RedisConnections nowhere = RedisEndpoint.loopback(RedisFixture.freePort()).connect()) {
            var event = RevocationEvent.rid("s", Instant.now().plusSeconds(60));

            RevocationPublisher unreachable = new RevocationPublisher(nowhere, NAMES, Clock.systemUTC());

            assertThrows(RedisUnavailableException.class, () -> unreachable.publish(event));
        }
    }
}
