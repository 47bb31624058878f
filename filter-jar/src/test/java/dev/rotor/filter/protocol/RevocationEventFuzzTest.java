package dev.rotor.filter.protocol;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of the revocation event reader: Redis content is input too. Any text gives an
 * {@link InvalidRevocationEventException} or an event that survives its own JSON round trip.
 */
class RevocationEventFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void parseEvent(byte[] input) {
        RevocationEvent event;
        try {
            event = RevocationEvent.parse(new String(input, StandardCharsets.UTF_8));
        } catch (InvalidRevocationEventException e) {
            return;
        }
        assertTrue(event.value().length() <= RevocationEvent.MAX_VALUE_LENGTH);
        assertEquals(event, RevocationEvent.parse(event.toJson()));
    }
}
