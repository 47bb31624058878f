package dev.rotor.issuer.cookies.boundary;

import dev.rotor.issuer.cookies.control.BrowserCookies;
import dev.rotor.issuer.sessions.control.SessionLifetimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Duration;
import java.util.Optional;

/**
 * The refresh token of a browser session, kept in the {@code __Host-} refresh cookie. The token endpoint uses it for
 * {@code grant_type=refresh_token} without a {@code refresh_token} field: the cookie must come with the
 * {@code X-CSRF-Token} header and pass the CSRF check, and the rotated token goes back into the cookie.
 */
@ApplicationScoped
public class RefreshCookie {

    private final CsrfGuard csrf;
    private final Duration maxAge;

    @Inject
    public RefreshCookie(CsrfGuard csrf, SessionLifetimes sessions) {
        this.csrf = csrf;
        this.maxAge = sessions.absolute();
    }

    protected RefreshCookie() {
        this.csrf = null;
        this.maxAge = null;
    }

    /**
     * The refresh token from the cookie, or empty if the request has none. A request that has one must pass the
     * CSRF check with the {@code X-CSRF-Token} header.
     *
     * @throws dev.rotor.issuer.cookies.control.CsrfRejectedException if it does not
     */
    public Optional<String> presented(HttpServletRequest request) {
        Optional<String> token = held(request);
        if (token.isPresent()) {
            csrf.verify(request, request.getHeader(CsrfGuard.HEADER));
        }
        return token;
    }

    /** The refresh token the browser holds, unchecked: only to end its session. */
    public Optional<String> held(HttpServletRequest request) {
        return BrowserRequests.cookie(request, BrowserCookies.REFRESH);
    }

    /** The {@code Set-Cookie} value that stores {@code refreshToken}. */
    public String set(String refreshToken) {
        return BrowserCookies.refresh(refreshToken, maxAge);
    }

    /** The {@code Set-Cookie} value that removes the cookie. */
    public String clear() {
        return BrowserCookies.clearRefresh();
    }
}
