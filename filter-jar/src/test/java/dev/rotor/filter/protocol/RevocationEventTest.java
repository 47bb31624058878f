package dev.rotor.filter.protocol;

import dev.rotor.filter.protocol.InvalidRevocationEventException;
import dev.rotor.filter.protocol.RevocationEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RevocationEventTest {

    private static final Instant EXPIRES = Instant.parse("2030-01-01T00:15:00.123Z");

    @Test
    void everyTypeSurvivesAJsonRoundTrip() {
        for (RevocationEvent event : new RevocationEvent[] {
                RevocationEvent.rid("session-1", EXPIRES),
                RevocationEvent.jti("token:ü-2", EXPIRES),
                RevocationEvent.subject("alice@example.com", Instant.parse("2030-01-01T00:00:00Z"), EXPIRES)}) {
            assertEquals(event, RevocationEvent.parse(event.toJson()));
        }
    }

    @Test
    void subjectNotBeforeIsRoundedUpToTheSecondBecauseIatHasSecondPrecision() {
        var event = RevocationEvent.subject("alice", Instant.parse("2030-01-01T00:00:00.400Z"), EXPIRES);

        assertEquals(Instant.parse("2030-01-01T00:00:01Z"), event.notBefore());
    }

    @Test
    void keysAndChannelLiveUnderThePrefix() {
        assertEquals("rotor:revoked:rid:s1", new RedisNames("rotor:").blacklistKey(RevocationEvent.Type.RID, "s1"));
        assertEquals("rotor:revoked:jti:t1", new RedisNames("rotor:").blacklistKey(RevocationEvent.Type.JTI, "t1"));
        assertEquals("p:revoked:sub:bob", new RedisNames("p:").blacklistKey(RevocationEvent.Type.SUB, "bob"));
        assertEquals("rotor:revocations", new RedisNames("rotor:").revocationChannel());
    }

    @Test
    void readsTheDocumentedWireFormat() {
        var event = RevocationEvent.parse("{\"type\":\"rid\",\"value\":\"s1\",\"expiresAt\":1893456000000}");

        assertEquals(RevocationEvent.Type.RID, event.type());
        assertEquals("s1", event.value());
        assertNull(event.notBefore());
        assertEquals(Instant.ofEpochMilli(1893456000000L), event.expiresAt());
    }

    @Test
    void ignoresUnknownMembersSoNewerIssuersDoNotSilenceRevocations() {
        var event = RevocationEvent.parse("{\"type\":\"jti\",\"value\":\"t\",\"expiresAt\":1,\"reason\":\"x\"}");

        assertEquals("t", event.value());
    }

    static Stream<String> hostileEvents() {
        return Stream.of(
                null, "", " ", "null", "[]", "\"x\"", "42", "{", "{}", "{\"type\":\"rid\"}",
                "{\"type\":\"RID\",\"value\":\"s\",\"expiresAt\":1}",
                "{\"type\":\"all\",\"value\":\"s\",\"expiresAt\":1}",
                "{\"type\":1,\"value\":\"s\",\"expiresAt\":1}",
                "{\"type\":null,\"value\":\"s\",\"expiresAt\":1}",
                "{\"type\":\"rid\",\"value\":7,\"expiresAt\":1}",
                "{\"type\":\"rid\",\"value\":[\"s\"],\"expiresAt\":1}",
                "{\"type\":\"rid\",\"value\":\"\",\"expiresAt\":1}",
                "{\"type\":\"rid\",\"value\":\"" + "v".repeat(257) + "\",\"expiresAt\":1}",
                "{\"type\":\"rid\",\"value\":\"a\\r\\nb\",\"expiresAt\":1}",
                "{\"type\":\"rid\",\"value\":\"a\\u0000b\",\"expiresAt\":1}",
                "{\"type\":\"rid\",\"value\":\"s\"}",
                "{\"type\":\"rid\",\"value\":\"s\",\"expiresAt\":\"1\"}",
                "{\"type\":\"rid\",\"value\":\"s\",\"expiresAt\":1.5}",
                "{\"type\":\"rid\",\"value\":\"s\",\"expiresAt\":-1}",
                "{\"type\":\"rid\",\"value\":\"s\",\"expiresAt\":1e30}",
                "{\"type\":\"rid\",\"value\":\"s\",\"expiresAt\":1e999999999}",
                "{\"type\":\"rid\",\"value\":\"s\",\"expiresAt\":99999999999999999999999999}",
                "{\"type\":\"rid\",\"value\":\"s\",\"expiresAt\":1,\"notBefore\":1}",
                "{\"type\":\"sub\",\"value\":\"s\",\"expiresAt\":1}",
                "{\"type\":\"sub\",\"value\":\"s\",\"expiresAt\":1,\"notBefore\":null}",
                "{\"type\":\"rid\",\"value\":\"s\",\"expiresAt\":1} trailing",
                "{\"type\":\"rid\",\"value\":\"" + "v".repeat(2000) + "\",\"expiresAt\":1}",
                "[".repeat(600) + "]".repeat(600),
                "{\"a\":" + "[".repeat(500) + "]".repeat(500) + "}");
    }

    @ParameterizedTest
    @MethodSource("hostileEvents")
    void hostileJsonIsRejectedWithATypedException(String json) {
        assertThrows(InvalidRevocationEventException.class, () -> RevocationEvent.parse(json));
    }

    @Test
    void aSubjectEventNeedsANotBeforeAndOthersMustNotHaveOne() {
        assertThrows(InvalidRevocationEventException.class,
                () -> new RevocationEvent(RevocationEvent.Type.SUB, "alice", null, EXPIRES));
        assertThrows(InvalidRevocationEventException.class,
                () -> new RevocationEvent(RevocationEvent.Type.RID, "s", EXPIRES, EXPIRES));
        assertThrows(InvalidRevocationEventException.class, () -> RevocationEvent.rid("s", null));
    }
}
