package dev.rotor.issuer.cookies.control;

/**
 * What a state-changing browser request carries that tells a same-site form from a forged one.
 *
 * @param cookieToken    the value of the CSRF cookie, or {@code null}
 * @param submittedToken the form field or {@code X-CSRF-Token} header, or {@code null}
 * @param fetchSite      the {@code Sec-Fetch-Site} header, or {@code null} (older browsers, non-browser clients)
 * @param origin         the {@code Origin} header, or {@code null}
 * @param requestOrigin  the origin the request was addressed to (scheme and {@code Host}), or {@code null}
 */
public record CsrfEvidence(String cookieToken, String submittedToken, String fetchSite, String origin,
                           String requestOrigin) {

    @Override
    public String toString() {
        return "CsrfEvidence[fetchSite=" + fetchSite + ", cookie=" + (cookieToken != null) + ", submitted="
                + (submittedToken != null) + "]";
    }
}
