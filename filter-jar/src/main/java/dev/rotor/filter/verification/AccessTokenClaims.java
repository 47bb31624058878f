package dev.rotor.filter.verification;

import com.auth0.jwt.interfaces.DecodedJWT;
import dev.rotor.filter.verification.TokenRejectedException.Reason;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the claims of a token whose signature and registered claims java-jwt has already checked. */
final class AccessTokenClaims {

    static final int MAX_DEPTH = 16;

    private AccessTokenClaims() {
    }

    /** @return the decoded claims JSON, checked for shape; @throws TokenRejectedException if it is not an object */
    static String decode(String encodedPayload) {
        String json = StrictUtf8.decode(CompactJws.decode(encodedPayload))
                .orElseThrow(() -> new TokenRejectedException(Reason.MALFORMED));
        if (!JsonShape.isObjectWithin(json, MAX_DEPTH)) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
        return json;
    }

    /** @throws TokenRejectedException if a claim Rotor needs is missing or of the wrong type */
    static VerifiedToken read(String json, DecodedJWT jwt) {
        JsonObject claims = JsonShape.readObject(json);
        Instant issuedAt = jwt.getIssuedAtAsInstant();
        Instant expiresAt = jwt.getExpiresAtAsInstant();
        if (issuedAt == null || expiresAt == null) {
            throw new TokenRejectedException(Reason.MISSING_CLAIM);
        }
        return new VerifiedToken(requiredString(claims, "sub"), groups(claims), requiredString(claims, "rid"),
                requiredString(claims, "jti"), issuedAt, expiresAt, claims);
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
