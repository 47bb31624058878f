package dev.rotor.issuer.keys.entity;

/** The life of a key: ACTIVE signs; RETIRED only verifies until its last token expires; then it is gone. */
public enum KeyStatus {
    ACTIVE,
    RETIRED
}
