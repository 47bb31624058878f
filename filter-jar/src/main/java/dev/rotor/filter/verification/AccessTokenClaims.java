package dev.rotor.filter.verification;

import dev.rotor.filter.protocol.UntrustedJson;
import dev.rotor.filter.verification.TokenRejectedException.Reason;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the claims of a token whose signature has been verified, in one pass, and checks the ones Rotor needs:
 * {@code iss}, {@code aud} and the times (see {@link TokenTimes}), then {@code sub}, {@code jti} and {@code rid}
 * (non-empty strings) and {@code groups} (strings, optional).
 */
final class AccessTokenClaims {

    static final int MAX_DEPTH = 16;

    private AccessTokenClaims() {
    }

    /** @return the claims as text; @throws TokenRejectedException if they are not UTF-8 */
    static String text(byte[] payload) {
        return StrictUtf8.decode(payload).orElseThrow(() -> new TokenRejectedException(Reason.MALFORMED));
    }

    /**
     * @param json  the claims, as {@link #text} decoded them
     * @param times the expected issuer and audience and the clock
     * @throws TokenRejectedException if the claims are malformed, or one Rotor needs is missing, wrong or untimely
     */
    static VerifiedToken read(String json, TokenTimes times) {
        JsonObject claims = parse(json).orElseThrow(() -> new TokenRejectedException(Reason.MALFORMED));
        times.requireIssuerAndAudience(claims);
        Instant expiresAt = times.requireUnexpired(claims);
        Instant issuedAt = times.requireIssuedAlready(claims);
        times.requireValidAlready(claims);
        return new VerifiedToken(requiredString(claims, "sub"), groups(claims), requiredString(claims, "rid"),
                requiredString(claims, "jti"), issuedAt, expiresAt, claims);
    }

    /** @return the claims object, or empty if {@code json} is not one bounded object without duplicate names */
    static Optional<JsonObject> parse(String json) {
        return UntrustedJson.readObject(json, MAX_DEPTH);
    }

    private static String requiredString(JsonObject claims, String name) {
        JsonValue value = claims.get(name);
        if (value == null || value.getValueType() != JsonValue.ValueType.STRING
                || ((JsonString) value).getString().isEmpty()) {
            throw new TokenRejectedException(Reason.MISSING_CLAIM);
        }
        return ((JsonString) value).getString();
    }

    private static List<String> groups(JsonObject claims) {
        JsonValue value = claims.get("groups");
        if (value == null) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
        List<String> groups = new ArrayList<>();
        for (JsonValue group : value.asJsonArray()) {
            if (group.getValueType() != JsonValue.ValueType.STRING) {
                throw new TokenRejectedException(Reason.MALFORMED);
            }
            groups.add(((JsonString) group).getString());
        }
        return groups;
    }
}
