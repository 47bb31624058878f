package dev.rotor.issuer.users.entity;

/** The groups the issuer itself gives meaning to; a caller's groups are its roles. */
public final class Roles {

    /** May use the admin API and introspect tokens. The first user, {@code admin}, is in it. */
    public static final String ADMIN = "rotor-admin";

    /** May introspect tokens (RFC 7662). */
    public static final String INTROSPECT = "rotor-introspect";

    private Roles() {
    }
}
