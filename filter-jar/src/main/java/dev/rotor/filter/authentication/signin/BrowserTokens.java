package dev.rotor.filter.authentication.signin;

import java.io.Serializable;
import java.time.Instant;

/**
 * A signed-in browser's tokens, kept server-side in its {@code HttpSession}: never in a cookie or a page.
 *
 * @param accessExpiresAt the verified {@code exp} of the access token, when it must be refreshed before
 */
record BrowserTokens(String accessToken, String refreshToken, String idToken, Instant accessExpiresAt)
        implements Serializable {

    @Override
    public String toString() {
        return "BrowserTokens[accessExpiresAt=" + accessExpiresAt + "]";
    }
}
