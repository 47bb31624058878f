package dev.rotor.issuer.users.control;

import dev.rotor.issuer.testbed.CleanRedis;
import dev.rotor.testsupport.Poll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    @RegisterExtension
    static final CleanRedis redis = new CleanRedis();

    private UnifiedJedis client;
    private LoginThrottle throttle;

    @BeforeEach
    void connect() {
        client = redis.client();
        throttle = new LoginThrottle(redis.connections(), "rotor:", ThrottleLimits.defaults());
    }


    private void fail(String username, String client, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(username, client);
        }
    }

    @Test
    void fifthFailureOfAnAccountThrottlesItFromEveryClient() {
        fail("alice", "10.0.0.1", 4);
        assertDoesNotThrow(() -> throttle.check("alice", "10.0.0.1"));

        fail("alice", "10.0.0.1", 1);

        TooManyAttemptsException e = assertThrows(TooManyAttemptsException.class,
                () -> throttle.check("alice", "10.0.0.2"));
        assertTrue(e.retryAfter().compareTo(Duration.ZERO) > 0);
        assertTrue(e.retryAfter().compareTo(Duration.ofMinutes(15)) <= 0);
        assertTrue(e.retryAfterSeconds() > 14 * 60);
        assertDoesNotThrow(() -> throttle.check("bob", "10.0.0.1"), "other accounts from that client are fine");
    }

    @Test
    void sprayingOnePasswordOverManyAccountsThrottlesTheClient() {
        for (int i = 0; i < 20; i++) {
            fail("user" + i, "10.0.0.66", 1);
        }

        assertThrows(TooManyAttemptsException.class, () -> throttle.check("user99", "10.0.0.66"));
        assertDoesNotThrow(() -> throttle.check("user99", "10.0.0.7"));
    }

    @Test
    void nineteenFailuresFromOneClientAreStillAllowed() {
        for (int i = 0; i < 19; i++) {
            fail("user" + i, "10.0.0.66", 1);
        }
        assertDoesNotThrow(() -> throttle.check("user99", "10.0.0.66"));
    }

    @Test
    void everyCounterHasATtlOfTheWindow() {
        fail("alice", "10.0.0.1", 3);

        Set<String> keys = keys();
        assertEquals(2, keys.size());
        for (String key : keys) {
            long ttl = client.pttl(key);
            assertTrue(ttl > 0 && ttl <= Duration.ofMinutes(15).toMillis(), key + " has TTL " + ttl);
        }
    }

    @Test
    void successClearsTheAccountButNotTheClient() {
        fail("alice", "10.0.0.1", 5);
        for (int i = 0; i < 15; i++) {
            fail("user" + i, "10.0.0.1", 1);
        }

        throttle.recordSuccess("alice");

        assertDoesNotThrow(() -> throttle.check("alice", "10.0.0.2"));
        assertThrows(TooManyAttemptsException.class, () -> throttle.check("alice", "10.0.0.1"));
    }

    @Test
    void anAccountIsOneCounterWhateverTheLetterCaseOfTheAttempts() {
        fail("Alice", "10.0.0.1", 2);
        fail("ALICE", "10.0.0.2", 2);
        fail("alice", "10.0.0.3", 1);

        assertThrows(TooManyAttemptsException.class, () -> throttle.check("aLiCe", "10.0.0.4"));
    }

    @Test
    void countersExpireAfterTheWindow() {
        throttle = new LoginThrottle(redis.connections(), "rotor:", new ThrottleLimits(1, 1, Duration.ofMillis(200)));
        fail("alice", "10.0.0.1", 1);
        assertThrows(TooManyAttemptsException.class, () -> throttle.check("alice", "10.0.0.1"));

        // the window is a Redis TTL, so it passes in Redis's real time: poll until it has, with a deadline
        assertTrue(Poll.until(Duration.ofSeconds(5), () -> keys().isEmpty()), "the counters expire with the window");
        assertDoesNotThrow(() -> throttle.check("alice", "10.0.0.1"));
    }

    @Test
    void hostileInputCannotShapeKeys() {
        fail("*", "../../x", 1);
        fail("a\r\nDEL rotor:*", "{users}", 1);
        fail("a".repeat(10 * 1024), "", 1);

        Set<String> keys = keys();
        assertEquals(6, keys.size());
        for (String key : keys) {
            assertTrue(key.matches("rotor:throttle:(user|client):[0-9a-f]{64}"), key);
        }
    }

    private Set<String> keys() {
        Set<String> keys = new HashSet<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            var page = client.scan(cursor);
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }
}
