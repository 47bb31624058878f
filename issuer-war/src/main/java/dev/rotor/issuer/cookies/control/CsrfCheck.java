package dev.rotor.issuer.cookies.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The CSRF check of {@code POST /login}, {@code POST /logout} and the cookie refresh. A request passes only if it is
 * not {@code Sec-Fetch-Site: cross-site}, its {@code Origin}, when sent, is the issuer's own (the origin the request
 * was addressed to, or the configured issuer's), and the submitted token equals the CSRF cookie, compared in
 * constant time. Immutable and thread-safe.
 */
public final class CsrfCheck {

    private final String issuerOrigin;
    private final BiPredicate<byte[], byte[]> equality;

    /** @param issuerOrigin the configured issuer's origin, also accepted behind a proxy; {@code null} for none */
    public CsrfCheck(String issuerOrigin) {
        this(issuerOrigin, MessageDigest::isEqual);
    }

    CsrfCheck(String issuerOrigin, BiPredicate<byte[], byte[]> equality) {
        this.issuerOrigin = Origins.canonical(issuerOrigin).orElse(null);
        this.equality = equality;
    }

    /** @throws CsrfRejectedException unless the request passes */
    public void verify(CsrfEvidence evidence) {
        if ("cross-site".equalsIgnoreCase(evidence.fetchSite())) {
            throw new CsrfRejectedException(CsrfRejectedException.Reason.CROSS_SITE);
        }
        if (evidence.origin() != null && !isOwn(evidence.origin(), evidence.requestOrigin())) {
            throw new CsrfRejectedException(CsrfRejectedException.Reason.FOREIGN_ORIGIN);
        }
        if (isBlank(evidence.cookieToken())) {
            throw new CsrfRejectedException(CsrfRejectedException.Reason.MISSING_COOKIE);
        }
        if (isBlank(evidence.submittedToken())) {
            throw new CsrfRejectedException(CsrfRejectedException.Reason.MISSING_TOKEN);
        }
        if (!equality.test(evidence.cookieToken().getBytes(StandardCharsets.UTF_8),
                evidence.submittedToken().getBytes(StandardCharsets.UTF_8))) {
            throw new CsrfRejectedException(CsrfRejectedException.Reason.MISMATCH);
        }
    }

    private boolean isOwn(String origin, String requestOrigin) {
        Optional<String> canonical = Origins.canonical(origin);
        if (canonical.isEmpty()) {
            return false;
        }
        return canonical.get().equals(Origins.canonical(requestOrigin).orElse(null))
                || canonical.get().equals(issuerOrigin);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
