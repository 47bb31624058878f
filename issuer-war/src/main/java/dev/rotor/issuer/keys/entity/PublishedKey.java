package dev.rotor.issuer.keys.entity;

import java.time.Duration;
import java.time.Instant;

/**
 * A public key as the registry holds it, for any instance.
 *
 * @param key       the public key
 * @param status    NEXT, ACTIVE or RETIRED
 * @param instance  the id of the issuer instance that holds its private key
 * @param retiredAt when it stopped signing, or {@code null} while it has not
 * @param expiresAt when it leaves the JWKS unless its instance renews it
 * @param tokenLifetime how long a token it signs can be accepted: its instance's access-token lifetime plus leeway;
 *                  {@code null} in a record of an instance that does not say
 */
public record PublishedKey(PublicKeyInfo key, KeyStatus status, String instance, Instant retiredAt,
                           Instant expiresAt, Duration tokenLifetime) {

    public String kid() {
        return key.kid();
    }
}
