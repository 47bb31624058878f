package dev.rotor.filter.verification;

import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class VerifiedTokenCacheTest {

    private static VerifiedToken token(String jti) {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        return new VerifiedToken("alice", List.of(), "rid", jti, now, now.plusSeconds(900), JsonValue.EMPTY_JSON_OBJECT);
    }

    @Test
    void leastRecentlyUsedTokenIsEvictedBeyondCapacity() {
        VerifiedTokenCache cache = new VerifiedTokenCache(2);
        cache.put("a", token("a"));
        cache.put("b", token("b"));
        cache.get("a");

        cache.put("c", token("c"));

        assertNotNull(cache.get("a"));
        assertNull(cache.get("b"));
        assertNotNull(cache.get("c"));
    }

    @Test
    void removedTokenIsGone() {
        VerifiedTokenCache cache = new VerifiedTokenCache(10);
        cache.put("a", token("a"));

        cache.remove("a");

        assertNull(cache.get("a"));
    }
}
