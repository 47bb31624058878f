package dev.rotor.issuer.cookies.boundary;

import dev.rotor.issuer.cookies.control.BrowserCookies;
import dev.rotor.issuer.cookies.control.CsrfCheck;
import dev.rotor.issuer.cookies.control.CsrfEvidence;
import dev.rotor.issuer.cookies.control.CsrfRejectedException;
import dev.rotor.issuer.cookies.control.CsrfTokens;
import dev.rotor.issuer.cookies.control.Origins;
import dev.rotor.issuer.configuration.IssuerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.util.logging.Logger;

/**
 * Applies the {@link CsrfCheck} to a servlet request, and hands pages the CSRF token to embed: the browser's current
 * one if it holds a well-formed one, else a new one that the response must set as the cookie.
 */
@ApplicationScoped
public class CsrfGuard {

    /** The header that carries the CSRF token on script requests. */
    public static final String HEADER = "X-CSRF-Token";
    private static final Logger LOG = Logger.getLogger(CsrfGuard.class.getName());

    private final CsrfCheck check;
    private final CsrfTokens tokens;

    @Inject
    public CsrfGuard(IssuerConfig config) {
        this.check = new CsrfCheck(
                Origins.of(config.issuer().getScheme(), config.issuer().getRawAuthority()).orElse(null));
        this.tokens = new CsrfTokens();
    }

    protected CsrfGuard() {
        this.check = null;
        this.tokens = null;
    }

    /**
     * @param submitted the form field or header value, or {@code null}
     * @throws CsrfRejectedException if the request may be forged
     */
    public void verify(HttpServletRequest request, String submitted) {
        CsrfEvidence evidence = new CsrfEvidence(
                BrowserRequests.cookie(request, BrowserCookies.CSRF).orElse(null),
                submitted,
                request.getHeader("Sec-Fetch-Site"),
                request.getHeader("Origin"),
                Origins.of(request.getScheme(), request.getHeader("Host")).orElse(null));
        try {
            check.verify(evidence);
        } catch (CsrfRejectedException e) {
            LOG.warning(() -> "ROTOR-B110 " + request.getMethod() + " " + request.getRequestURI()
                    .replaceAll("[^A-Za-z0-9/._-]", "?") + " refused by the CSRF check: " + e.reason());
            throw e;
        }
    }

    /** The token a page embeds; if it is {@link CsrfToken#minted()}, the response must set it as the cookie. */
    public CsrfToken current(HttpServletRequest request) {
        return BrowserRequests.cookie(request, BrowserCookies.CSRF)
                .filter(CsrfTokens::isWellFormed)
                .map(token -> new CsrfToken(token, false))
                .orElseGet(this::mint);
    }

    /** A new token, e.g. at login, so a token planted before the login does not carry over. */
    public CsrfToken mint() {
        return new CsrfToken(tokens.mint(), true);
    }

    /**
     * A CSRF token for a page.
     *
     * @param value  the token
     * @param minted whether it is new and must be set as the cookie
     */
    public record CsrfToken(String value, boolean minted) {

        @Override
        public String toString() {
            return "CsrfToken[minted=" + minted + "]";
        }
    }
}
