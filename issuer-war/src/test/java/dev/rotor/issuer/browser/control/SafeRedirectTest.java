package dev.rotor.issuer.browser.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafeRedirectTest {

    @ParameterizedTest
    @ValueSource(strings = {"/account", "/", "/app/x?y=1#z", "/app/x?next=//evil", "/a-b_c.d~e/f%20g", "/app#/route",
            "/search?q=a+b&x=%2F", "/app/..a/b.", "/%252F%252Fevil"})
    void sameOriginPathsAreKept(String next) {
        assertTrue(SafeRedirect.isSafe(next));
        assertEquals(next, SafeRedirect.target(next));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "//evil", "//evil.example/path", "///evil",
            "/\\evil", "\\/evil", "\\\\evil", "/a\\b",
            "https:evil", "https:/evil", "http://evil", "https://evil.example/", "https://app@evil",
            "//app@evil", "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>",
            "/%2F%2Fevil", "/%2fevil", "%2F%2Fevil", "/%5Cevil", "/%5cevil", "%5C%5Cevil",
            "/.//evil", "/./evil", "/../evil", "/app/../../evil", "/%2e%2e/evil", "/%2E/%2Fevil", "/app//evil",
            "/\tevil", "/\t/evil", "/\r\n/evil", "/ev\nil", "/%09/evil", "/%0d%0aLocation:%20//evil", "/%00",
            "/ evil", "/évil", "/a|b", "/a\"><script>alert(1)</script>", "/a<b", "/{x}",
            "/%", "/%zz", "/%2", "evil", "account", "?next=/x", "#/x",
    })
    void redirectTricksFallBackToTheLandingPage(String next) {
        assertFalse(SafeRedirect.isSafe(next), next);
        assertEquals(SafeRedirect.LANDING, SafeRedirect.target(next));
    }

    @Test
    void emptyAndMissingFallBackToTheLandingPage() {
        assertEquals(SafeRedirect.LANDING, SafeRedirect.target(""));
        assertEquals(SafeRedirect.LANDING, SafeRedirect.target(null));
    }

    @Test
    void atMost512CharactersAreAccepted() {
        String longest = "/" + "a".repeat(SafeRedirect.MAX_LENGTH - 1);
        assertTrue(SafeRedirect.isSafe(longest));
        assertFalse(SafeRedirect.isSafe(longest + "a"));
        assertFalse(SafeRedirect.isSafe("/" + "a".repeat(100_000)));
    }

    @Test
    void theLandingPageIsItselfSafe() {
        assertTrue(SafeRedirect.isSafe(SafeRedirect.LANDING));
    }
}
