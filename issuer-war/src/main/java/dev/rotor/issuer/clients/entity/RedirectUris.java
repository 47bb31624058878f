package dev.rotor.issuer.clients.entity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * The rule for a registered redirect or post-logout redirect URI: an absolute {@code https} URI, or {@code http} on
 * a loopback host ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}); no fragment, no user info, visible ASCII
 * only, at most {@value #MAX_LENGTH} characters. A request's URI is then compared with the registered ones as an
 * exact string: no normalisation, no prefix, no case folding (OAuth 2.1 §2.3.1).
 */
public final class RedirectUris {

    public static final int MAX_LENGTH = 512;
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private RedirectUris() {
    }

    public static boolean isAllowed(String uri) {
        if (uri == null || uri.isEmpty() || uri.length() > MAX_LENGTH
                || !uri.chars().allMatch(c -> c > 0x20 && c < 0x7F) || uri.indexOf('#') >= 0) {
            return false;
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            return false;
        }
        if (!parsed.isAbsolute() || parsed.isOpaque() || parsed.getRawUserInfo() != null || parsed.getHost() == null
                || parsed.getRawFragment() != null) {
            return false;
        }
        String scheme = parsed.getScheme();
        if ("https".equals(scheme)) {
            return true;
        }
        return "http".equals(scheme) && LOOPBACK.contains(parsed.getHost().toLowerCase(Locale.ROOT))
                && parsed.getHost().equals(parsed.getHost().toLowerCase(Locale.ROOT));
    }
}
