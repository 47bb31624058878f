package dev.rotor.filter.authentication;

import dev.rotor.filter.protocol.KeyAnnouncement;
import dev.rotor.filter.protocol.RedisNames;
import dev.rotor.filter.verification.BackendUnavailableException;
import dev.rotor.filter.verification.TokenRejectedException;
import dev.rotor.testsupport.Await;
import dev.rotor.testsupport.JwksServer;
import dev.rotor.testsupport.RedisFixture;
import dev.rotor.testsupport.TestConfig;
import dev.rotor.testsupport.TestKeys;
import dev.rotor.testsupport.TokenFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The running verifier, on a real Redis and a JWKS over HTTP: a key announced on the channel is fetched at once. */
class VerifierTest {

    @RegisterExtension
    static final RedisFixture redis = RedisFixture.start();

    private static final KeyPair OLD = TestKeys.rsa();
    private static final KeyPair NEW = TestKeys.rsa();
    private static final Duration ANNOUNCED_KEY_ACCEPTED = Duration.ofSeconds(1);

    private final String prefix = "v" + UUID.randomUUID() + ":";
    private final JwksServer jwks = JwksServer.start(TestKeys.jwks(TestKeys.jwk("old", OLD)));
    private Verifier verifier;

    @AfterEach
    void stop() {
        if (verifier != null) {
            verifier.close();
        }
        jwks.close();
    }

    @Test
    void aKeyAnnouncedOnTheChannelIsAcceptedWithinOneSecondWithoutWaitingForThePoll() {
        start();
        String token = token("new", NEW);
        assertThrows(TokenRejectedException.class, () -> verifier.verify(token), "the key is not published yet");

        publish("new");

        Await.that(() -> verifies(token), ANNOUNCED_KEY_ACCEPTED, () -> "the announced key to verify its token");
    }

    @Test
    void aFloodOfUnknownKidsNeitherLocksOutAnAnnouncedKeyNorMultipliesFetches() throws InterruptedException {
        start();
        int fetchesBefore = jwks.jwksRequests();
        AtomicBoolean flooding = new AtomicBoolean(true);
        AtomicInteger forgedAccepted = new AtomicInteger();
        Thread flood = new Thread(() -> {
            while (flooding.get()) {
                if (verifies(token("random-" + UUID.randomUUID(), NEW))) {
                    forgedAccepted.incrementAndGet();
                }
            }
        });
        flood.start();
        try {
            String token = token("new", NEW);
            publish("new");
            Await.that(() -> verifies(token), ANNOUNCED_KEY_ACCEPTED, () -> "the announced key to verify, flooded");
        } finally {
            flooding.set(false);
            flood.join();
        }
        assertEquals(0, forgedAccepted.get(), "a kid the issuer never published verifies nothing");
        int fetches = jwks.jwksRequests() - fetchesBefore;
        assertTrue(fetches <= 3, "a flood of unknown kids costs a bounded number of JWKS fetches, not " + fetches);
    }

    @Test
    void anAnnouncementOfAKnownKeyFetchesNothing() {
        start();
        int fetchesBefore = jwks.jwksRequests();

        for (int i = 0; i < 50; i++) {
            try (Jedis client = new Jedis(redis.uri())) {
                client.publish(new RedisNames(prefix).revocationChannel(), new KeyAnnouncement("old").toJson());
            }
        }

        assertTrue(verifies(token("old", OLD)));
        assertEquals(fetchesBefore, jwks.jwksRequests(), "a key already held is not fetched again");
    }

    private void start() {
        jwks.serveWithMaxAge(TestKeys.jwks(TestKeys.jwk("old", OLD)), Duration.ofHours(1));
        verifier = Verifier.start(TestConfig.forIssuer(jwks.issuer(), "redis.url", redis.uri().toString(),
                "redis.prefix", prefix, "jwks-refresh-interval", "PT1H"), Clock.systemUTC(), runnable -> {
                    Thread thread = new Thread(runnable, "verifier-test");
                    thread.setDaemon(true);
                    return thread;
                });
        Await.that(() -> verifies(token("old", OLD)), Duration.ofSeconds(20), () -> "the verifier to start");
    }

    /** Publishes the new key in the JWKS, then announces it, as an issuer does. */
    private void publish(String kid) {
        jwks.serveWithMaxAge(TestKeys.jwks(TestKeys.jwk("old", OLD), TestKeys.jwk(kid, NEW)), Duration.ofHours(1));
        try (Jedis client = new Jedis(redis.uri())) {
            client.publish(new RedisNames(prefix).revocationChannel(), new KeyAnnouncement(kid).toJson());
        }
    }

    private boolean verifies(String token) {
        try {
            return verifier.verify(token) != null;
        } catch (TokenRejectedException | BackendUnavailableException notYet) {
            return false;
        }
    }

    private String token(String kid, KeyPair key) {
        return TokenFixture.accessToken(verifier.config().issuer(), kid, key.getPrivate(), List.of());
    }
}
