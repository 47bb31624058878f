/**
 * Refresh-token sessions in Redis: creation, atomic rotation with reuse detection (RFC 9700 §4.14), deletion and
 * listing. Only SHA-256 hashes of refresh tokens are stored, and every Redis entry carries a TTL. Ending a session
 * (blacklist, then delete) belongs to {@code revocation}; this component only stores them.
 */
package dev.rotor.issuer.sessions.control;
