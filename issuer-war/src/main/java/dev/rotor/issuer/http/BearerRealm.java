package dev.rotor.issuer.http;

/** The realm of the issuer's own bearer challenges (RFC 6750 §3). */
public final class BearerRealm {

    public static final String NAME = "rotor";

    private BearerRealm() {
    }
}
