package dev.rotor.issuer.sessions.entity;

import java.time.Instant;
import java.util.Set;

/** The outcome of presenting a refresh token. */
public sealed interface RotationResult {

    /** The shared answer for every token that is unknown, malformed, or whose session is gone or expired. */
    RotationResult INVALID = new Invalid();

    /**
     * The token was current: it is now used, and {@code newRefreshToken} is the session's current token.
     *
     * @param expiresAt when the new refresh token expires unless used earlier
     */
    record Rotated(String rid, String subject, String clientId, Set<String> groups, String newRefreshToken,
                   Instant expiresAt, Set<String> scopes) implements RotationResult {

        public Rotated {
            groups = Set.copyOf(groups);
            scopes = Set.copyOf(scopes);
        }


        @Override
        public String toString() {
            return "Rotated[rid=" + rid + ", subject=" + subject + ", clientId=" + clientId + ", groups=" + groups
                    + ", newRefreshToken=<redacted>, expiresAt=" + expiresAt + "]";
        }
    }

    /** The token had already been used: a sign of theft, so the whole session has been revoked. */
    record Reused(String rid, String subject) implements RotationResult {
    }

    /** Unknown, malformed or expired. Nothing was changed. */
    record Invalid() implements RotationResult {
    }
}
