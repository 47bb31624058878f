package dev.rotor.issuer.clients.entity;

/** How a client authenticates at the token endpoint. */
public enum ClientType {
    /** Has no secret (a native or browser app): authenticates with PKCE only, method {@code none}. */
    PUBLIC,
    /** Holds a secret: {@code client_secret_basic} or {@code client_secret_post}. */
    CONFIDENTIAL
}
