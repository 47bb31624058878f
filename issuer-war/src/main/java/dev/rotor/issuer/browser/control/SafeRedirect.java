package dev.rotor.issuer.browser.control;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decides whether a {@code next} parameter may be redirected to: only a same-origin path. It must start with a
 * single {@code /} not followed by {@code /} or {@code \}, hold only visible ASCII without backslashes, have no empty,
 * {@code .} or {@code ..} path segments, and be at most 512 characters; and all of that also after percent-decoding
 * once (where spaces and non-ASCII letters may appear, but no control character), so {@code /%2F%2Fevil} or
 * {@code /%5Cevil} cannot become {@code //evil} further down the line; and it must parse as a relative URI reference.
 * A path that starts with {@code /} has no scheme, so {@code https:evil} and {@code javascript:} fail the first rule.
 */
public final class SafeRedirect {

    /** Where a login goes when {@code next} is absent or refused. */
    public static final String LANDING = "/account";
    static final int MAX_LENGTH = 512;

    private SafeRedirect() {
    }

    public static boolean isSafe(String next) {
        if (next == null || next.isEmpty() || next.length() > MAX_LENGTH || !isSafePath(next, true)) {
            return false;
        }
        return isRelativeReference(next) && decodeOnce(next).filter(decoded -> isSafePath(decoded, false)).isPresent();
    }

    /** A {@code Location} header must also parse as a URI reference, with neither scheme nor authority. */
    private static boolean isRelativeReference(String value) {
        try {
            URI uri = new URI(value);
            return uri.getScheme() == null && uri.getRawAuthority() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** {@code next} if it is safe, else {@link #LANDING}. */
    public static String target(String next) {
        return isSafe(next) ? next : LANDING;
    }

    /** With {@code raw}, only visible ASCII is allowed; decoded, any character but a control character. */
    private static boolean isSafePath(String value, boolean raw) {
        if (value.isEmpty() || value.charAt(0) != '/') {
            return false;
        }
        if (value.length() > 1 && (value.charAt(1) == '/' || value.charAt(1) == '\\')) {
            return false;
        }
        if (value.chars().anyMatch(c -> c == '\\' || Character.isISOControl(c) || raw && (c == ' ' || c > '~'))) {
            return false;
        }
        String path = pathPart(value);
        if (path.contains("//")) {
            return false;
        }
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static String pathPart(String value) {
        int end = value.length();
        int query = value.indexOf('?');
        int fragment = value.indexOf('#');
        if (query >= 0) {
            end = query;
        }
        if (fragment >= 0 && fragment < end) {
            end = fragment;
        }
        return value.substring(0, end);
    }

    /** Percent-decodes once as UTF-8; a malformed escape is refused. Unlike URLDecoder, {@code +} stays. */
    private static Optional<String> decodeOnce(String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            if (i + 2 >= value.length()) {
                return Optional.empty();
            }
            int high = Character.digit(value.charAt(i + 1), 16);
            int low = Character.digit(value.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                return Optional.empty();
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        return Optional.of(bytes.toString(StandardCharsets.UTF_8));
    }
}
