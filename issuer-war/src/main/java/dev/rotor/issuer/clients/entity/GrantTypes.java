package dev.rotor.issuer.clients.entity;

import java.util.Set;

/** The grant types a client may be allowed (RFC 6749 names). */
public final class GrantTypes {

    public static final String AUTHORIZATION_CODE = "authorization_code";
    public static final String REFRESH_TOKEN = "refresh_token";
    public static final String PASSWORD = "password";
    public static final Set<String> ALL = Set.of(AUTHORIZATION_CODE, REFRESH_TOKEN, PASSWORD);
    /** What a client gets when it names none: the code flow and refresh, never the password grant. */
    public static final Set<String> DEFAULT = Set.of(AUTHORIZATION_CODE, REFRESH_TOKEN);

    private GrantTypes() {
    }
}
