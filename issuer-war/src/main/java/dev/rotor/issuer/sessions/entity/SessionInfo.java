package dev.rotor.issuer.sessions.entity;

import java.time.Instant;

/**
 * What may be shown of a session: never a refresh token or its hash.
 *
 * @param clientId          the client the session was issued to; empty when none
 * @param idleExpiresAt     when the session expires if its refresh token is not used before
 * @param absoluteExpiresAt when the session expires however often it is used
 */
public record SessionInfo(String rid, String subject, String clientId, Instant createdAt, Instant lastUsedAt,
                          Instant idleExpiresAt, Instant absoluteExpiresAt) {

    /** The earlier of the idle and the absolute expiry. */
    public Instant expiresAt() {
        return idleExpiresAt.isBefore(absoluteExpiresAt) ? idleExpiresAt : absoluteExpiresAt;
    }
}
