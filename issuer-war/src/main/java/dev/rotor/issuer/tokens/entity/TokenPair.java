package dev.rotor.issuer.tokens.entity;

import java.util.Set;

/**
 * What a successful grant returns: an access token and the session's new refresh token.
 *
 * @param access       the signed access token
 * @param refreshToken the opaque refresh token; only its hash is stored
 * @param idToken      the OpenID Connect ID token, or {@code null} when {@code openid} was not granted
 * @param scopes       the scopes granted, empty when the grant has none
 */
public record TokenPair(AccessToken access, String refreshToken, String idToken, Set<String> scopes) {

    public TokenPair {
        scopes = Set.copyOf(scopes);
    }

    /** A pair without an ID token or scopes, as the password and refresh grants give. */
    public TokenPair(AccessToken access, String refreshToken) {
        this(access, refreshToken, null, Set.of());
    }

    @Override
    public String toString() {
        return "TokenPair[" + access + "]";
    }
}
