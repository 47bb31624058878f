package dev.rotor.issuer.keys.entity;

import java.time.Instant;

/**
 * A public key as the registry holds it, for any instance.
 *
 * @param key       the public key
 * @param status    ACTIVE or RETIRED
 * @param retiredAt when it stopped signing, or {@code null} while active
 * @param expiresAt when it leaves the JWKS unless its instance renews it
 */
public record PublishedKey(PublicKeyInfo key, KeyStatus status, Instant retiredAt, Instant expiresAt) {

    public String kid() {
        return key.kid();
    }
}
