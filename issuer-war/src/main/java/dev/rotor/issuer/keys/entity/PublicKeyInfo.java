package dev.rotor.issuer.keys.entity;

import dev.rotor.filter.protocol.JwsAlgorithm;
import jakarta.json.JsonObject;

import java.time.Instant;

/**
 * The public half of one of this instance's keys: all that outlives the private key.
 *
 * @param kid       the RFC 7638 thumbprint
 * @param algorithm the one algorithm the key is for
 * @param jwk       the public JWK, as published
 * @param createdAt when the key was generated
 */
public record PublicKeyInfo(String kid, JwsAlgorithm algorithm, JsonObject jwk, Instant createdAt) {
}
