package dev.rotor.issuer.keys.entity;

/**
 * The life of a key. NEXT is published a whole rotation period before it signs, so verifiers that only poll the
 * JWKS hold it before its first token arrives; ACTIVE signs; RETIRED only verifies until its last token expires;
 * then it is gone.
 */
public enum KeyStatus {
    NEXT,
    ACTIVE,
    RETIRED
}
