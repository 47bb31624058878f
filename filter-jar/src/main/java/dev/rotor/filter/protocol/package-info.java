/**
 * The wire protocol between the issuer and its verifiers: the JWS algorithms, the public JWK model, the revocation
 * event format, and the names of everything in Redis. Both sides read it; nothing here writes to Redis.
 */
package dev.rotor.filter.protocol;
