package dev.rotor.filter.verification;

import dev.rotor.filter.verification.TokenRejectedException.Reason;
import dev.rotor.testsupport.TokenFixture;

import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions that a token is rejected with a 401 reason, quickly, and never with any other exception. */
final class Rejections {

    private static final Duration FAST = Duration.ofSeconds(2);

    private Rejections() {
    }

    static Reason rejected(TokenFixture fixture, String token) {
        long started = System.nanoTime();
        Reason reason = assertThrows(TokenRejectedException.class, () -> fixture.verifier.verify(token)).reason();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(FAST) < 0, "rejection took " + took);
        return reason;
    }

    static void rejectedAs(TokenFixture fixture, String token, Reason expected) {
        assertEquals(expected, rejected(fixture, token));
    }

    static void rejectedAsOneOf(TokenFixture fixture, String token, Reason... expected) {
        Reason reason = rejected(fixture, token);
        assertTrue(Set.of(expected).contains(reason), "rejected as " + reason);
    }
}
