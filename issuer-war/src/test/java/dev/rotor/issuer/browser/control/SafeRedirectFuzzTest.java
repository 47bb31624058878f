package dev.rotor.issuer.browser.control;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of the {@code next} check (issue 11): for any text {@link SafeRedirect} answers without
 * an exception, and whatever it accepts stays on the issuer's origin, as written and after one more decoding.
 */
class SafeRedirectFuzzTest {

    private static final URI ISSUER = URI.create("https://rotor.example:8443/base/");

    @FuzzTest(maxDuration = "10m")
    void checkNext(byte[] input) {
        String next = new String(input, StandardCharsets.UTF_8);
        String target = SafeRedirect.target(next);
        if (!SafeRedirect.isSafe(next)) {
            assertEquals(SafeRedirect.LANDING, target);
            return;
        }
        assertEquals(next, target);
        assertTrue(next.length() <= SafeRedirect.MAX_LENGTH);
        assertTrue(next.startsWith("/") && !next.startsWith("//") && next.indexOf('\\') < 0, next);
        assertSameOrigin(next);
        String decoded = URLDecoder.decode(next.replace("+", "%2B"), StandardCharsets.UTF_8);
        assertTrue(decoded.startsWith("/") && !decoded.startsWith("//") && decoded.indexOf('\\') < 0, decoded);
        assertTrue(decoded.chars().noneMatch(Character::isISOControl), "no control character once decoded");
        if (decoded.chars().allMatch(c -> c > ' ' && c <= '~')) {
            assertSameOrigin(decoded);
        }
        for (String path : List.of(next, decoded)) {
            List<String> segments = List.of(path.split("[?#]", 2)[0].split("/", -1));
            assertFalse(segments.contains(".") || segments.contains(".."), "no dot segment: " + path);
        }
    }

    private static void assertSameOrigin(String next) {
        URI resolved;
        try {
            resolved = ISSUER.resolve(new URI(next));
        } catch (URISyntaxException e) {
            return;
        }
        assertEquals(ISSUER.getScheme(), resolved.getScheme(), next);
        assertEquals(ISSUER.getRawAuthority(), resolved.getRawAuthority(), next);
        assertEquals(resolved.getRawPath(), resolved.normalize().getRawPath(), "no dot segments: " + next);
    }
}
