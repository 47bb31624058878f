/**
 * Keys: generation, the key ring, rotation in the order generate → publish → activate, the Redis registry of
 * every instance's public keys, and the JWKS built from it.
 */
package dev.rotor.issuer.keys.control;
