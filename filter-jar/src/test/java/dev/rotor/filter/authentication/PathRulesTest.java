package dev.rotor.filter.authentication;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathRulesTest {

    @ParameterizedTest
    @CsvSource({
            "/*, /anything, true",
            "/*, /, true",
            "/api/*, /api, true",
            "/api/*, /api/orders/1, true",
            "/api/*, /apiary, false",
            "/api/*, /other/api, false",
            "*.css, /static/site.css, true",
            "*.css, /static/site.js, false",
            "*.css, .css, true",
            "*.css, css, false",
            "/api/*, /ap, false",
            "/api/*, /api/, true",
            "/exact, /exact, true",
            "/exact, /exact/more, false",
    })
    void patternsFollowServletUrlPatternSyntax(String pattern, String path, boolean matches) {
        assertTrue(PathRules.matches(pattern, path) == matches, pattern + " vs " + path);
    }

    @Test
    void publicPathsWinOverProtectedOnes() {
        PathRules rules = new PathRules(List.of("/api/*"), List.of("/api/public", "/api/docs/*"));
        assertTrue(rules.isProtected("/api/orders"));
        assertFalse(rules.isProtected("/api/public"));
        assertFalse(rules.isProtected("/api/docs/index.html"));
        assertFalse(rules.isProtected("/health"));
    }
}
