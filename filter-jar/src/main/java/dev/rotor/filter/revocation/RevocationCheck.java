package dev.rotor.filter.revocation;

import java.time.Instant;

/** Answers whether a verified token has been revoked, without a network call per request. */
public interface RevocationCheck {

    /**
     * @param rid      the token's session ({@code rid} claim)
     * @param jti      the token's id ({@code jti} claim)
     * @param subject  the token's {@code sub}
     * @param issuedAt the token's {@code iat}; a subject-wide revocation rejects tokens issued before its time
     * @return {@code true} if any of the three is revoked
     * @throws RevocationStateUnavailableException when the revocation state cannot be trusted and the fail
     *         policy is {@code closed}
     */
    boolean isRevoked(String rid, String jti, String subject, Instant issuedAt);
}
