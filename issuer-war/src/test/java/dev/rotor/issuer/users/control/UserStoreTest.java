package dev.rotor.issuer.users.control;

import dev.rotor.issuer.availability.RedisUnavailableException;
import dev.rotor.issuer.users.entity.InvalidGroupException;
import dev.rotor.issuer.users.entity.InvalidUsernameException;
import dev.rotor.issuer.users.entity.User;
import dev.rotor.testsupport.MutableClock;
import dev.rotor.issuer.testbed.CleanRedis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.UnifiedJedis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserStoreTest {

    @RegisterExtension
    static final CleanRedis redis = new CleanRedis();

    private final MutableClock clock = MutableClock.atFixedInstant();
    private final CountingPasswordHash counting = new CountingPasswordHash();
    private final PasswordHasher hasher = CountingPasswordHash.cheapHasher(counting);
    private UnifiedJedis client;
    private UserStore store;

    @BeforeEach
    void connect() {
        client = redis.client();
        store = new UserStore(redis.connections(), "rotor:", hasher, clock);
    }


    @Test
    void createdUserIsFoundWithItsGroups() {
        assertTrue(store.create("alice", "s3cret".toCharArray(), Set.of("staff", "app:reader")));

        User alice = store.find("alice").orElseThrow();
        assertEquals("alice", alice.username());
        assertEquals(Set.of("staff", "app:reader"), alice.groups());
        assertFalse(alice.disabled());
        assertEquals(clock.instant(), alice.passwordChangedAt());
        assertTrue(hasher.verify("s3cret".toCharArray(), alice.passwordHash()));
    }

    @Test
    void unknownUserIsNotFound() {
        assertTrue(store.find("nobody").isEmpty());
    }

    @Test
    void secondCreateOfTheSameNameChangesNothing() {
        store.create("alice", "first".toCharArray(), Set.of("staff"));

        assertFalse(store.create("alice", "second".toCharArray(), Set.of("rotor-admin")));

        User alice = store.find("alice").orElseThrow();
        assertEquals(Set.of("staff"), alice.groups());
        assertTrue(hasher.verify("first".toCharArray(), alice.passwordHash()));
    }

    @Test
    void changedPasswordReplacesTheOldAndMovesPasswordChangedAt() {
        store.create("alice", "old-password".toCharArray(), Set.of());
        clock.advance(Duration.ofMinutes(5));

        store.changePassword("alice", "new-password".toCharArray());

        User alice = store.find("alice").orElseThrow();
        assertFalse(hasher.verify("old-password".toCharArray(), alice.passwordHash()));
        assertTrue(hasher.verify("new-password".toCharArray(), alice.passwordHash()));
        assertEquals(clock.instant(), alice.passwordChangedAt());
    }

    @Test
    void groupsAndDisabledFlagCanBeChanged() {
        store.create("alice", "s3cret".toCharArray(), Set.of("staff"));
        Instant created = clock.instant();
        clock.advance(Duration.ofMinutes(5));

        store.setGroups("alice", Set.of("rotor-admin"));
        store.setDisabled("alice", true);

        User alice = store.find("alice").orElseThrow();
        assertEquals(Set.of("rotor-admin"), alice.groups());
        assertTrue(alice.disabled());
        assertEquals(created, alice.passwordChangedAt(), "only a new password moves it");

        store.setGroups("alice", Set.of());
        store.setDisabled("alice", false);
        alice = store.find("alice").orElseThrow();
        assertEquals(Set.of(), alice.groups());
        assertFalse(alice.disabled());
    }

    @Test
    void updatingAnUnknownUserFailsAndCreatesNothing() {
        assertThrows(UnknownUserException.class, () -> store.changePassword("ghost", "pw".toCharArray()));
        assertThrows(UnknownUserException.class, () -> store.setGroups("ghost", Set.of("staff")));
        assertThrows(UnknownUserException.class, () -> store.setDisabled("ghost", true));
        assertEquals(0, client.dbSize());
    }

    @Test
    void samePasswordGivesEachUserADifferentHash() {
        store.create("alice", "shared".toCharArray(), Set.of());
        store.create("bob", "shared".toCharArray(), Set.of());

        assertNotEquals(store.find("alice").orElseThrow().passwordHash(), store.find("bob").orElseThrow().passwordHash());
    }

    @Test
    void hostileUsernamesAreRefusedWithoutTouchingRedis() {
        List<String> hostile = List.of("*", "../x", "alice\r\nDEL x", "a".repeat(10 * 1024), "", "{users}:index");
        RedisCommands.reset(redis.server().port());
        int hashingBefore = counting.hashingCalls();

        for (String username : hostile) {
            assertThrows(InvalidUsernameException.class, () -> store.find(username));
            assertThrows(InvalidUsernameException.class, () -> store.create(username, "pw".toCharArray(), Set.of()));
            assertThrows(InvalidUsernameException.class, () -> store.changePassword(username, "pw".toCharArray()));
            assertThrows(InvalidUsernameException.class, () -> store.setGroups(username, Set.of()));
            assertThrows(InvalidUsernameException.class, () -> store.setDisabled(username, true));
        }

        assertEquals(Set.of(), RedisCommands.runSinceReset(client));
        assertEquals(hashingBefore, counting.hashingCalls());
        store.find("alice");
        assertEquals(Set.of("hgetall"), RedisCommands.runSinceReset(client), "the statistics do see commands");
    }

    @Test
    void invalidGroupsAreRefusedBeforeHashing() {
        int before = counting.hashingCalls();
        assertThrows(InvalidGroupException.class, () -> store.create("alice", "pw".toCharArray(), Set.of("a,b")));
        assertEquals(before, counting.hashingCalls());
        assertTrue(store.isEmpty());
    }

    @Test
    void storeIsEmptyUntilTheFirstUser() {
        assertTrue(store.isEmpty());
        store.create("alice", "s3cret".toCharArray(), Set.of());
        assertFalse(store.isEmpty());
    }

    @Test
    void usernamesAreListedInOrder() {
        store.create("carol", "pw".toCharArray(), Set.of());
        store.create("alice", "pw".toCharArray(), Set.of());
        store.create("bob", "pw".toCharArray(), Set.of());

        assertEquals(List.of("alice", "bob", "carol"), store.usernames(0, 10));
        assertEquals(List.of("bob"), store.usernames(1, 1));
        assertEquals(List.of(), store.usernames(3, 10));
    }

    @Test
    void usersAreStoredAsDocumentedAndNeverExpire() {
        store.create("alice", "s3cret".toCharArray(), Set.of("staff", "app:reader"));

        String key = "rotor:{users}:user:alice";
        Map<String, String> fields = client.hgetAll(key);
        assertEquals(Set.of("hash", "groups", "disabled", "passwordChangedAt"), fields.keySet());
        assertEquals("app:reader,staff", fields.get("groups"));
        assertEquals("0", fields.get("disabled"));
        assertEquals(Long.toString(clock.millis()), fields.get("passwordChangedAt"));
        assertEquals(-1, client.pttl(key));
        assertEquals(-1, client.pttl("rotor:{users}:index"));
    }

    @Test
    void unavailableRedisIsReportedAsSuch() {
        redis.server().stop();

        assertThrows(RedisUnavailableException.class, () -> store.find("alice"));
        assertThrows(RedisUnavailableException.class, () -> store.create("alice", "pw".toCharArray(), Set.of()));
        assertThrows(RedisUnavailableException.class, store::isEmpty);
    }

    @Test
    void usernamesThatDifferOnlyInCaseNameOneUser() {
        assertTrue(store.create("alice", "pw-1".toCharArray(), Set.of("user")));

        assertFalse(store.create("Alice", "pw-2".toCharArray(), Set.of("admin")), "Alice is alice");
        assertEquals("alice", store.find("ALICE").orElseThrow().username(), "found under its canonical name");
        assertEquals(java.util.List.of("alice"), store.usernames(0, 10));
    }
}
