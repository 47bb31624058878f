package dev.rotor.filter.revocation;

import dev.rotor.filter.protocol.RevocationEvent;
import dev.rotor.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RevocationStoreTest {

    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");
    private final MutableClock clock = new MutableClock(START);
    private final RevocationStore store = new RevocationStore(clock);

    @Test
    void revokedSessionAndTokenAreFoundAndOthersAreNot() {
        store.apply(RevocationEvent.rid("s1", START.plusSeconds(900)));
        store.apply(RevocationEvent.jti("t1", START.plusSeconds(900)));

        assertTrue(store.isRevoked("s1", "t9", "alice", START));
        assertTrue(store.isRevoked("s9", "t1", "alice", START));
        assertFalse(store.isRevoked("s9", "t9", "alice", START));
        assertFalse(store.isRevoked(null, null, null, null));
    }

    @Test
    void anEntryIsForgottenOnceItsExpiryHasPassed() {
        store.apply(RevocationEvent.rid("s1", START.plusSeconds(900)));

        clock.advance(Duration.ofSeconds(899));
        assertTrue(store.isRevoked("s1", null, null, null));
        clock.advance(Duration.ofSeconds(1));
        assertFalse(store.isRevoked("s1", null, null, null));
        assertEquals(0, store.size());
    }

    @Test
    void periodicEvictionDropsOnlyExpiredEntries() {
        store.apply(RevocationEvent.rid("short", START.plusSeconds(10)));
        store.apply(RevocationEvent.jti("long", START.plusSeconds(900)));
        store.apply(RevocationEvent.subject("alice", START, START.plusSeconds(10)));

        clock.advance(Duration.ofSeconds(60));
        store.evictExpired();

        assertEquals(1, store.size());
        assertTrue(store.isRevoked(null, "long", null, null));
    }

    @Test
    void subjectRevocationRejectsTokensIssuedBeforeItsNotBeforeOnly() {
        store.apply(RevocationEvent.subject("alice", START.plusSeconds(100), START.plusSeconds(1000)));

        assertTrue(store.isRevoked("s", "t", "alice", START.plusSeconds(99)));
        assertFalse(store.isRevoked("s", "t", "alice", START.plusSeconds(100)));
        assertFalse(store.isRevoked("s", "t", "bob", START));
        assertTrue(store.isRevoked("s", "t", "alice", null));
    }

    @Test
    void mergingKeepsTheStricterEntryWhateverTheOrder() {
        store.apply(RevocationEvent.subject("alice", START.plusSeconds(200), START.plusSeconds(1000)));
        store.apply(RevocationEvent.subject("alice", START.plusSeconds(100), START.plusSeconds(2000)));
        store.apply(RevocationEvent.rid("s1", START.plusSeconds(900)));
        store.apply(RevocationEvent.rid("s1", START.plusSeconds(10)));

        clock.advance(Duration.ofSeconds(1500));
        assertTrue(store.isRevoked(null, null, "alice", START.plusSeconds(150)));
        assertFalse(store.isRevoked(null, null, "alice", START.plusSeconds(200)));
        clock.set(START.plusSeconds(800));
        assertTrue(store.isRevoked("s1", null, null, null));
    }
}
