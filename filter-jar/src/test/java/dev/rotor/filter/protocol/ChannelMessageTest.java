package dev.rotor.filter.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChannelMessageTest {

    @Test
    void anAnnouncementReadsBackAsItself() {
        KeyAnnouncement announcement = new KeyAnnouncement("Le2VMQVTKeCRARWMZCEW61gR53c5v2OtHvG_eQiyAng");

        assertEquals(announcement, ChannelMessage.parse(announcement.toJson()));
    }

    @Test
    void aRevocationReadsBackAsItself() {
        RevocationEvent event = RevocationEvent.rid("s1", Instant.ofEpochMilli(1_700_000_900_000L));

        assertEquals(event, ChannelMessage.parse(event.toJson()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"key\"}",
            "{\"type\":\"key\",\"kid\":\"\"}",
            "{\"type\":\"key\",\"kid\":7}",
            "{\"type\":\"key\",\"kid\":\"a\\u0000b\"}",
            "{\"type\":\"keys\",\"kid\":\"k\"}",
            "[\"key\"]",
    })
    void anythingElseIsRefused(String json) {
        assertThrows(InvalidRevocationEventException.class, () -> ChannelMessage.parse(json));
    }

    @Test
    void anOverlongKidIsRefused() {
        String json = new KeyAnnouncement("k".repeat(KeyAnnouncement.MAX_KID_LENGTH)).toJson().replace("\"k", "\"kk");

        assertThrows(InvalidRevocationEventException.class, () -> ChannelMessage.parse(json));
    }
}
