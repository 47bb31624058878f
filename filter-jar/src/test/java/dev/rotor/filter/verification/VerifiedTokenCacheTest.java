package dev.rotor.filter.verification;

import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifiedTokenCacheTest {

    private static VerifiedToken token(String jti) {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        return new VerifiedToken("alice", List.of(), "rid", jti, now, now.plusSeconds(900), JsonValue.EMPTY_JSON_OBJECT);
    }

    @Test
    void aPutTokenIsFoundByItsExactText() {
        VerifiedTokenCache cache = new VerifiedTokenCache(10);
        VerifiedToken a = token("a");
        cache.put("a.b.c", a);

        assertSame(a, cache.get("a.b.c"));
        assertNull(cache.get("a.b.c "));
        assertNull(cache.get("a.b.C"));
    }

    @Test
    void tokensWithTheSameTailAreStillToldApartByTheirWholeText() {
        VerifiedTokenCache cache = new VerifiedTokenCache(10);
        String tail = "s".repeat(VerifiedTokenCache.HASHED_CHARS);
        VerifiedToken a = token("a");
        VerifiedToken b = token("b");
        cache.put("header-a.payload." + tail, a);
        cache.put("header-b.payload." + tail, b);

        assertSame(a, cache.get("header-a.payload." + tail));
        assertSame(b, cache.get("header-b.payload." + tail));
        assertNull(cache.get("header-c.payload." + tail));
        assertNull(cache.get(tail));
    }

    @Test
    void cacheNeverHoldsMoreThanItsCapacity() {
        VerifiedTokenCache cache = new VerifiedTokenCache(100);
        for (int i = 0; i < 1_000; i++) {
            cache.put("t" + i, token("t" + i));
            assertTrue(cache.size() <= 100, "size " + cache.size());
        }
        assertNotNull(cache.get("t999"));
    }

    @Test
    void tokensUsedSinceTheLastSweepSurviveItAndUnusedOnesGo() {
        VerifiedTokenCache cache = new VerifiedTokenCache(100);
        for (int i = 0; i < 100; i++) {
            cache.put("t" + i, token("t" + i));
        }
        for (int i = 0; i < 50; i++) {
            cache.get("t" + i);
        }

        cache.put("t100", token("t100"));

        assertEquals(90, cache.size());
        for (int i = 0; i < 50; i++) {
            assertNotNull(cache.get("t" + i), "t" + i);
        }
    }

    @Test
    void removedTokenIsGone() {
        VerifiedTokenCache cache = new VerifiedTokenCache(10);
        cache.put("a", token("a"));

        cache.remove("a");

        assertNull(cache.get("a"));
    }

    @Test
    void concurrentHitsAndPutsStayConsistentAndBounded() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(64);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int offset = thread;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        String key = "t" + ((i * 7 + offset) % 500);
                        VerifiedToken found = cache.get(key);
                        if (found == null) {
                            cache.put(key, token(key));
                        } else {
                            assertEquals(key, found.jti());
                        }
                    }
                }));
            }
            for (Future<?> each : work) {
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(cache.size() <= 64 + 4, "size " + cache.size());
    }
}
