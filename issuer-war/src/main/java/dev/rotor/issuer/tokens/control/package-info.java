/**
 * Refresh-token sessions in Redis: creation, atomic rotation with reuse detection (RFC 9700 §4.14), revocation and
 * listing. Only SHA-256 hashes of refresh tokens are stored, and every Redis entry carries a TTL.
 */
package dev.rotor.issuer.tokens.control;
