package dev.rotor.issuer.cookies.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Serialized origins ({@code scheme://host[:port]}) in one canonical form, lower case and without a default port, so
 * an {@code Origin} header can be compared with the issuer's own origin as a plain string.
 */
public final class Origins {

    private Origins() {
    }

    /** The origin of a scheme and a {@code host[:port]}, e.g. a request's scheme and {@code Host} header. */
    public static Optional<String> of(String scheme, String host) {
        if (scheme == null || host == null || host.isEmpty()) {
            return Optional.empty();
        }
        return canonical(scheme + "://" + host);
    }

    /**
     * The canonical form of an origin, or empty if {@code origin} is not one: {@code null} (the opaque origin), a
     * path, user info, a query or anything unparsable.
     */
    public static Optional<String> canonical(String origin) {
        if (origin == null) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.empty();
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                || (scheme.equals("https") && port == 443);
        return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
    }
}
