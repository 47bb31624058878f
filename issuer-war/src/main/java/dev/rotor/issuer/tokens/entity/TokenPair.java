package dev.rotor.issuer.tokens.entity;

/**
 * What a successful grant returns: an access token and the session's new refresh token.
 *
 * @param access       the signed access token
 * @param refreshToken the opaque refresh token; only its hash is stored
 */
public record TokenPair(AccessToken access, String refreshToken) {

    @Override
    public String toString() {
        return "TokenPair[" + access + "]";
    }
}
