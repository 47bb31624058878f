package dev.rotor.issuer.sessions.entity;

import java.time.Instant;

/**
 * A new session and its first refresh token, to hand to the client once.
 *
 * @param rid          the session (refresh-token family) id, the {@code rid} claim of its access tokens
 * @param refreshToken the raw refresh token; Redis holds only its hash
 * @param expiresAt    when the refresh token expires unless used earlier (idle or absolute, whichever is first)
 */
public record IssuedSession(String rid, String refreshToken, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedSession[rid=" + rid + ", refreshToken=<redacted>, expiresAt=" + expiresAt + "]";
    }
}
