package dev.rotor.issuer.tokens.entity;

import java.time.Instant;

/**
 * A signed access token and what the issuer needs to know about it afterwards.
 *
 * @param value     the compact JWS
 * @param jti       its id
 * @param expiresAt its {@code exp}
 */
public record AccessToken(String value, String jti, Instant expiresAt) {

    @Override
    public String toString() {
        return "AccessToken[jti=" + jti + ", expiresAt=" + expiresAt + "]";
    }
}
