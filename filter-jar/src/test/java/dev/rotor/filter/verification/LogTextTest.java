package dev.rotor.filter.verification;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogTextTest {

    @Test
    void controlCharactersAreEscapedSoNoLogLineCanBeForged() {
        assertEquals("a\\u000d\\u000aINFO forged\\u0000", LogText.escape("a\r\nINFO forged\u0000"));
        assertEquals("\\u005c\\u00e9", LogText.escape("\\\u00e9"));
    }

    @Test
    void longTextIsTruncatedWithItsLength() {
        String escaped = LogText.escape("k".repeat(100_000));

        assertTrue(escaped.length() < 80, escaped);
        assertTrue(escaped.endsWith("...(100000 chars)"), escaped);
    }

    @Test
    void absentTextIsNamed() {
        assertEquals("(none)", LogText.escape(null));
    }
}
