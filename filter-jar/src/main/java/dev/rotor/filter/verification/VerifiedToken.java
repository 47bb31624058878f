package dev.rotor.filter.verification;

import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.List;

/**
 * An access token whose signature, claims and revocation state have been checked. Immutable.
 *
 * @param subject   the {@code sub} claim: who the caller is
 * @param groups    the {@code groups} claim (MicroProfile JWT convention), empty if absent
 * @param rid       the session (refresh-token family) the token belongs to
 * @param jti       the token's own id
 * @param issuedAt  the {@code iat} claim
 * @param expiresAt the {@code exp} claim
 * @param claims    every claim of the token, as immutable JSON
 */
public record VerifiedToken(String subject, List<String> groups, String rid, String jti, Instant issuedAt,
                            Instant expiresAt, JsonObject claims) {

    public VerifiedToken {
        groups = List.copyOf(groups);
    }

    /** @return {@code true} if the token's {@code groups} contain {@code group} */
    public boolean isInGroup(String group) {
        return groups.contains(group);
    }
}
