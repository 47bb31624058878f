package dev.rotor.filter.verification;

import dev.rotor.filter.protocol.JsonWebKey;
import dev.rotor.filter.protocol.JwsAlgorithm;

import dev.rotor.testsupport.JwksServer;
import dev.rotor.testsupport.MutableClock;
import dev.rotor.testsupport.TestConfig;
import dev.rotor.testsupport.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyResolverTest {

    private static final KeyPair RSA = TestKeys.rsa();
    private static final KeyPair EC = TestKeys.ecP256();
    private static final String JWKS_A = TestKeys.jwks(TestKeys.jwk("a", RSA));
    private static final String JWKS_AB = TestKeys.jwks(TestKeys.jwk("a", RSA), TestKeys.jwk("b", EC));
    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final ThreadFactory DAEMONS = runnable -> {
        Thread thread = new Thread(runnable, "jwks-test");
        thread.setDaemon(true);
        return thread;
    };

    private final MutableClock clock = MutableClock.atFixedInstant();
    private JwksServer server;
    private KeyResolver resolver;

    @BeforeEach
    void startServer() {
        server = JwksServer.start(JWKS_A);
    }

    @AfterEach
    void stop() {
        if (resolver != null) {
            resolver.close();
        }
        server.close();
    }

    private KeyResolver resolver(String... overrides) {
        resolver = KeyResolver.start(TestConfig.forIssuer(server.issuer(), overrides), clock, DAEMONS);
        return resolver;
    }

    private KeyResolver realTimeResolver(String interval) {
        resolver = KeyResolver.start(TestConfig.forIssuer(server.issuer(), "jwks-refresh-interval", interval),
                Clock.systemUTC(), DAEMONS);
        assertTrue(resolver.resolve("a").isPresent());
        assertEquals(1, server.jwksRequests());
        return resolver;
    }

    private static boolean pollUntil(BooleanSupplier condition, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.onSpinWait();
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        return condition.getAsBoolean();
    }

    private KeyResolver warmResolver() {
        resolver();
        assertTrue(resolver.resolve("a").isPresent());
        assertEquals(1, server.jwksRequests());
        return resolver;
    }

    @Test
    void theJwksIsFetchedOverPlainHttp11WithoutAnUpgrade() {
        warmResolver();

        assertEquals(0, server.upgradeRequests(), "no Upgrade: h2c, which Grizzly can leave unanswered");
    }

    @Test
    void knownKidResolvesToItsBoundAlgorithm() {
        warmResolver();

        assertEquals(JwsAlgorithm.RS256, resolver.resolve("a").orElseThrow().algorithm());
        assertEquals(1, server.jwksRequests());
    }

    @Test
    void unknownKidRefreshesOnceAndFindsANewlyPublishedKey() {
        warmResolver();
        server.serve(JWKS_AB);

        assertEquals(JwsAlgorithm.ES256, resolver.resolve("b").orElseThrow().algorithm());
        assertEquals(2, server.jwksRequests());
    }

    @Test
    void concurrentLookupsOfANewKidShareOneFetch() throws Exception {
        warmResolver();
        server.reply(200, JWKS_AB.getBytes(StandardCharsets.UTF_8), null, Duration.ofMillis(200));
        int callers = 20;
        CyclicBarrier start = new CyclicBarrier(callers);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Boolean>> found = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                found.add(pool.submit(() -> {
                    start.await();
                    return resolver.resolve("b").isPresent();
                }));
            }
            for (Future<Boolean> each : found) {
                assertTrue(each.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, server.jwksRequests());
    }

    @Test
    void unknownKidRefreshesAreRateLimited() {
        warmResolver();

        assertTrue(resolver.resolve("x").isEmpty());
        assertTrue(resolver.resolve("y").isEmpty());
        assertEquals(2, server.jwksRequests());

        clock.advance(INTERVAL);
        server.serve(JWKS_AB);
        assertTrue(resolver.resolve("b").isPresent());
        assertEquals(3, server.jwksRequests());
    }

    @Test
    void kidAbsentFromAFetchThatStartedAfterItWasSeenIsNotFetchedAgain() {
        warmResolver();
        assertTrue(resolver.resolve("x").isEmpty());
        assertEquals(2, server.jwksRequests());
        clock.advance(INTERVAL.plusSeconds(1));

        assertTrue(resolver.resolve("x").isEmpty());
        assertEquals(2, server.jwksRequests());

        assertTrue(resolver.resolve("y").isEmpty());
        assertEquals(3, server.jwksRequests());
    }

    /** Issue 10, finding 1: a kid first seen inside the rate-limit window used to be rejected for a minute. */
    @Test
    void kidFirstSeenWhileRateLimitedIsFetchedAtTheEndOfTheWindow() {
        realTimeResolver("PT0.4S");
        assertTrue(resolver.resolve("x").isEmpty());
        assertEquals(2, server.jwksRequests());
        server.serve(JWKS_AB);

        long seen = System.nanoTime();
        assertTrue(resolver.resolve("b").isEmpty(), "inside the window: no fetch yet, and no waiting");
        assertTrue(Duration.ofNanos(System.nanoTime() - seen).compareTo(Duration.ofMillis(300)) < 0);

        assertTrue(pollUntil(() -> resolver.resolve("b").isPresent(), Duration.ofSeconds(5)));
        assertEquals(3, server.jwksRequests());
    }

    @Test
    void kidSeenDuringAFetchThatStartedBeforeIsNotNegativelyCachedByIt() throws Exception {
        realTimeResolver("PT0.4S");
        server.reply(200, JWKS_A.getBytes(StandardCharsets.UTF_8), null, Duration.ofMillis(300));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> first = pool.submit(() -> resolver.resolve("x").isPresent());
            assertTrue(pollUntil(() -> server.jwksRequests() == 2, Duration.ofSeconds(2)), "the fetch reached the server");
            server.serve(JWKS_AB);

            // joins the fetch that started before b was seen, then waits for the next one only if the window is over
            resolver.resolve("b");
            assertEquals(false, first.get());
        } finally {
            pool.shutdownNow();
        }

        assertTrue(pollUntil(() -> resolver.resolve("b").isPresent(), Duration.ofSeconds(5)));
        assertEquals(3, server.jwksRequests());
        assertTrue(resolver.resolve("x").isEmpty());
        assertEquals(3, server.jwksRequests(), "x was absent from a fetch that started after it was seen");
    }

    /**
     * A lookup that joins a background fetch which started before its kid was seen waits for one more that starts
     * right after, when the window allows, instead of answering unknown: under load, a key announcement's fetch can
     * still be under way when the first token signed by the new key arrives.
     */
    @Test
    void kidSeenDuringABackgroundFetchThatStartedBeforeGetsALaterFetchInTheSameLookup() {
        realTimeResolver("PT0.4S");
        server.reply(200, JWKS_A.getBytes(StandardCharsets.UTF_8), null, Duration.ofMillis(300));
        resolver.keyAnnounced(null);
        assertTrue(pollUntil(() -> server.jwksRequests() == 2, Duration.ofSeconds(2)), "the fetch reached the server");
        server.serve(JWKS_AB);

        assertTrue(resolver.resolve("b").isPresent(), "found by the fetch that started after b was seen");
        assertEquals(3, server.jwksRequests());
    }

    /** Issue 10: a kid published while a flood of random kids hits the verifier is accepted within 1 s of its announcement. */
    @Test
    void announcedKidIsAcceptedWithinASecondDuringAFloodThatFetchesAtMostOncePerWindow() throws Exception {
        Duration window = Duration.ofMillis(500);
        realTimeResolver("PT0.5S");
        AtomicBoolean flooding = new AtomicBoolean(true);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        long floodStarted = System.nanoTime();
        Future<Integer> flood = pool.submit(() -> {
            int lookups = 0;
            while (flooding.get()) {
                assertTrue(resolver.resolve(UUID.randomUUID().toString()).isEmpty());
                lookups++;
            }
            return lookups;
        });
        try {
            assertTrue(pollUntil(() -> System.nanoTime() - floodStarted > window.multipliedBy(2).toNanos(),
                    Duration.ofSeconds(5)));
            server.serve(JWKS_AB);
            int beforeAnnouncement = server.jwksRequests();

            long announced = System.nanoTime();
            resolver.keyAnnounced("b");
            assertTrue(pollUntil(() -> resolver.resolve("b").isPresent(), Duration.ofSeconds(1)));
            Duration took = Duration.ofNanos(System.nanoTime() - announced);
            assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, "took " + took);
            assertTrue(server.jwksRequests() - beforeAnnouncement <= 3, "announcement: one fetch, maybe a queued one, "
                    + "and the flood's own");
        } finally {
            flooding.set(false);
            assertTrue(flood.get() > 100);
            pool.shutdownNow();
        }
        long windows = Duration.ofNanos(System.nanoTime() - floodStarted).toMillis() / window.toMillis() + 1;
        assertTrue(server.jwksRequests() <= 1 + windows + 2, server.jwksRequests() + " fetches in " + windows + " windows");
    }

    @Test
    void aFloodOfAnnouncementsRunsOneFetchAndQueuesAtMostOne() {
        warmResolver();
        server.reply(200, JWKS_AB.getBytes(StandardCharsets.UTF_8), null, Duration.ofMillis(300));

        for (int i = 0; i < 10_000; i++) {
            resolver.keyAnnounced(UUID.randomUUID().toString());
        }

        assertTrue(pollUntil(() -> server.jwksRequests() == 3 && !resolver.isFetching(), Duration.ofSeconds(5)));
        assertTrue(resolver.resolve("b").isPresent());
        assertEquals(3, server.jwksRequests());
    }

    @Test
    void announcingAKnownKidFetchesNothing() {
        warmResolver();

        resolver.keyAnnounced("a");
        resolver.keyAnnounced("k".repeat(200));

        assertEquals(1, server.jwksRequests());
        assertTrue(!resolver.isFetching());
    }

    @Test
    void anAnnouncementClearsTheNegativeCacheOfItsKid() {
        warmResolver();
        assertTrue(resolver.resolve("b").isEmpty());
        assertEquals(2, server.jwksRequests());
        server.serve(JWKS_AB);

        resolver.keyAnnounced("b");

        assertTrue(pollUntil(() -> resolver.resolve("b").isPresent(), Duration.ofSeconds(2)));
        assertEquals(3, server.jwksRequests());
    }

    @Test
    void aSourceWithValidatedKeysHandsThemOverWithoutAJwksBody() {
        JsonWebKey key = new JsonWebKey("own", JwsAlgorithm.RS256, RSA.getPublic());
        JwksSource source = new JwksSource() {
            @Override
            public CompletableFuture<Document> fetch() {
                throw new AssertionError("the body is not needed");
            }

            @Override
            public CompletableFuture<Keys> fetchKeys() {
                return CompletableFuture.completedFuture(new Keys(List.of(key), Duration.ofMinutes(1)));
            }
        };
        resolver = KeyResolver.start(source, TestConfig.forIssuer(server.issuer()), clock, DAEMONS);

        assertSame(key, resolver.resolve("own").orElseThrow());
        assertEquals(0, server.jwksRequests());
    }

    @Test
    void floodOfRandomKidsCausesNoFetchStormAndValidKidStillResolves() {
        warmResolver();

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (int i = 0; i < 10_000; i++) {
                assertTrue(resolver.resolve(UUID.randomUUID().toString()).isEmpty());
                if (i % 1000 == 0) {
                    assertTrue(resolver.resolve("a").isPresent());
                }
            }
        });
        assertEquals(2, server.jwksRequests());
    }

    @ParameterizedTest
    @ValueSource(strings = {"500", "garbage", "empty", "not-a-set", "html", "deep"})
    void cachedKeysKeepVerifyingWhenTheEndpointMisbehaves(String failure) {
        warmResolver();
        switch (failure) {
            case "500" -> server.reply(500, JWKS_AB.getBytes(StandardCharsets.UTF_8), null, Duration.ZERO);
            case "garbage" -> server.serve("{\"keys\":[{");
            case "empty" -> server.serve("{\"keys\":[]}");
            case "not-a-set" -> server.serve("{\"keys\":\"a\"}");
            case "html" -> server.serve("<html>down for maintenance</html>");
            default -> server.serve("[".repeat(100_000));
        }

        assertTrue(resolver.resolve("b").isEmpty());
        assertEquals(2, server.jwksRequests());
        assertTrue(resolver.resolve("a").isPresent());
    }

    @Test
    void hangingEndpointGivesUnknownWithinTheTimeoutAndCachedKeysStillResolve() {
        warmResolver();
        server.hang();

        long started = System.nanoTime();
        assertTrue(resolver.resolve("b").isEmpty());
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertTrue(waited.compareTo(Duration.ofMillis(2500)) < 0, "waited " + waited);
        assertTrue(resolver.resolve("a").isPresent());
    }

    @Test
    void firstFetchAgainstAHangingEndpointTimesOut() {
        server.hang();
        resolver("http-timeout", "PT0.5S");

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertTrue(resolver.resolve("a").isEmpty()));
    }

    @Test
    void oversizedResponseIsAbandoned() {
        String padding = "x".repeat(JwksClient.MAX_BODY_BYTES);
        server.serve("{\"pad\":\"" + padding + "\",\"keys\":[" + TestKeys.jwk("a", RSA) + "]}");
        resolver();

        assertTrue(resolver.resolve("a").isEmpty());
    }

    @Test
    void unusableMembersAreSkippedOneByOne() {
        server.serve(TestKeys.jwks(
                "{\"kty\":\"oct\",\"kid\":\"h\",\"k\":\"c2VjcmV0\"}",
                TestKeys.jwk("p", RSA).replace("}", ",\"d\":\"AQAB\"}"),
                "{\"kty\":\"RSA\",\"kid\":\"n\",\"n\":1,\"e\":\"AQAB\"}",
                "\"text\"",
                TestKeys.jwk("a", RSA)));
        resolver();

        assertTrue(resolver.resolve("a").isPresent());
        assertTrue(resolver.resolve("h").isEmpty());
        assertTrue(resolver.resolve("p").isEmpty());
        assertTrue(resolver.resolve("n").isEmpty());
    }

    @Test
    void keysAreRefreshedAheadOfTheirMaxAge() throws InterruptedException {
        server.serveWithMaxAge(JWKS_A, Duration.ofSeconds(1));
        resolver("jwks-refresh-interval", "PT0.2S");
        assertTrue(resolver.resolve("a").isPresent());
        server.serve(JWKS_AB);

        for (int i = 0; i < 50 && server.jwksRequests() < 2; i++) {
            Thread.sleep(100);
        }

        assertEquals(2, server.jwksRequests());
        assertTrue(resolver.resolve("b").isPresent());
        assertEquals(2, server.jwksRequests());
    }

    @Test
    void closeStopsBackgroundRefreshes() throws InterruptedException {
        server.serveWithMaxAge(JWKS_A, Duration.ZERO);
        resolver("jwks-refresh-interval", "PT0.1S");
        assertTrue(resolver.resolve("a").isPresent());

        resolver.close();
        Thread.sleep(150);
        int afterClose = server.jwksRequests();
        Thread.sleep(400);

        assertEquals(afterClose, server.jwksRequests());
    }

    @Test
    void oversizedKidIsUnknownWithoutAFetch() {
        warmResolver();

        assertTrue(resolver.resolve("k".repeat(129)).isEmpty());
        assertTrue(resolver.resolve("").isEmpty());
        assertEquals(1, server.jwksRequests());
    }
}
