package dev.rotor.filter.authentication;

import java.util.List;

/**
 * Which paths need a token, in servlet URL-pattern syntax: {@code /*} (everything), {@code /api/*} (a prefix),
 * {@code *.css} (an extension) or an exact path. Public patterns win over protected ones.
 */
final class PathRules {

    private final List<String> protectedPatterns;
    private final List<String> publicPatterns;

    PathRules(List<String> protectedPatterns, List<String> publicPatterns) {
        this.protectedPatterns = List.copyOf(protectedPatterns);
        this.publicPatterns = List.copyOf(publicPatterns);
    }

    /** @param path the request path inside the application, e.g. {@code /api/orders} */
    boolean isProtected(String path) {
        return matchesAny(protectedPatterns, path) && !matchesAny(publicPatterns, path);
    }

    /** A loop, not a stream: this runs on every request. */
    private static boolean matchesAny(List<String> patterns, String path) {
        for (int i = 0; i < patterns.size(); i++) {
            if (matches(patterns.get(i), path)) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(String pattern, String path) {
        if (pattern.equals("/*") || pattern.equals("/")) {
            return true;
        }
        if (pattern.endsWith("/*")) {
            // "/api/*": the path "/api" itself, or a path under "/api/"
            int prefix = pattern.length() - 2;
            return path.regionMatches(0, pattern, 0, prefix + 1)
                    || path.length() == prefix && pattern.startsWith(path);
        }
        if (pattern.startsWith("*.")) {
            int suffix = pattern.length() - 1;
            return path.regionMatches(path.length() - suffix, pattern, 1, suffix);
        }
        return path.equals(pattern);
    }
}
