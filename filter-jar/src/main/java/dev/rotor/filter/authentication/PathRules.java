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

    private static boolean matchesAny(List<String> patterns, String path) {
        return patterns.stream().anyMatch(pattern -> matches(pattern, path));
    }

    static boolean matches(String pattern, String path) {
        if (pattern.equals("/*") || pattern.equals("/")) {
            return true;
        }
        if (pattern.endsWith("/*")) {
            String prefix = pattern.substring(0, pattern.length() - 2);
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
        if (pattern.startsWith("*.")) {
            return path.endsWith(pattern.substring(1));
        }
        return path.equals(pattern);
    }
}
