package dev.rotor.issuer.cookies.control;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * {@code Set-Cookie} values of the browser flow. Both cookies are {@code __Host-} cookies: {@code Secure},
 * {@code Path=/} and no {@code Domain}, so no other host or path can set or shadow them; {@code HttpOnly} so no
 * script reads them; {@code SameSite=Strict} so no other site's request carries them. Browsers treat
 * {@code localhost} as a secure context, so this works over plain HTTP there.
 */
public final class BrowserCookies {

    /** Holds the session's current refresh token. */
    public static final String REFRESH = "__Host-rotor-refresh";
    /** Holds the double-submit CSRF token; the pages embed the same value in their forms. */
    public static final String CSRF = "__Host-rotor-csrf";

    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_-]{1,512}");
    private static final String ATTRIBUTES = "; Path=/; Secure; HttpOnly; SameSite=Strict";

    private BrowserCookies() {
    }

    /** The refresh cookie, living as long as a session can. */
    public static String refresh(String token, Duration maxAge) {
        return REFRESH + "=" + checked(token) + "; Max-Age=" + Math.max(0, maxAge.toSeconds()) + ATTRIBUTES;
    }

    /** Removes the refresh cookie. */
    public static String clearRefresh() {
        return REFRESH + "=; Max-Age=0" + ATTRIBUTES;
    }

    /** The CSRF cookie, for the browser session. */
    public static String csrf(String token) {
        return CSRF + "=" + checked(token) + ATTRIBUTES;
    }

    private static String checked(String value) {
        if (value == null || !VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("a cookie value must be 1 to 512 base64url characters");
        }
        return value;
    }
}
