package dev.rotor.issuer.cookies.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrowserCookiesTest {

    private static final String TOKEN = "abc_DEF-123";

    @Test
    void refreshCookieHasExactlyTheHostPrefixAttributes() {
        String header = BrowserCookies.refresh(TOKEN, Duration.ofDays(30));
        assertEquals("__Host-rotor-refresh=" + TOKEN, nameValue(header));
        assertEquals(List.of("HttpOnly", "Max-Age=2592000", "Path=/", "SameSite=Strict", "Secure"), attributes(header));
    }

    @Test
    void clearingTheRefreshCookieSetsMaxAgeZeroWithTheSameAttributes() {
        String header = BrowserCookies.clearRefresh();
        assertEquals("__Host-rotor-refresh=", nameValue(header));
        assertEquals(List.of("HttpOnly", "Max-Age=0", "Path=/", "SameSite=Strict", "Secure"), attributes(header));
    }

    @Test
    void csrfCookieIsAnHttpOnlyHostCookieForTheBrowserSession() {
        String header = BrowserCookies.csrf(TOKEN);
        assertEquals("__Host-rotor-csrf=" + TOKEN, nameValue(header));
        assertEquals(List.of("HttpOnly", "Path=/", "SameSite=Strict", "Secure"), attributes(header));
    }

    @Test
    void noCookieNamesADomain() {
        for (String header : List.of(BrowserCookies.refresh(TOKEN, Duration.ofMinutes(1)),
                BrowserCookies.clearRefresh(),
                BrowserCookies.csrf(TOKEN))) {
            assertTrue(header.startsWith("__Host-"));
            assertFalse(header.toLowerCase().contains("domain"), header);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a;b", "a b", "a\r\nSet-Cookie: x=y", "a,b", "a=b", "\"a\""})
    void valuesThatCouldBreakTheHeaderAreRefused(String value) {
        assertThrows(IllegalArgumentException.class, () -> BrowserCookies.refresh(value, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> BrowserCookies.csrf(value));
    }

    private static String nameValue(String header) {
        return header.split("; ")[0];
    }

    private static List<String> attributes(String header) {
        String[] parts = header.split("; ");
        return Arrays.stream(parts, 1, parts.length).sorted().toList();
    }
}
