package dev.rotor.issuer.http;

/** The {@code Cache-Control} values the issuer sends. */
public final class CacheControl {

    /** For anything that is not public key material: tokens, errors, pages, admin answers. */
    public static final String NO_STORE = "no-store";

    /** For the JWKS and the discovery document, which verifiers may cache briefly. */
    public static final String PUBLIC_ONE_MINUTE = "public, max-age=60";

    private CacheControl() {
    }
}
